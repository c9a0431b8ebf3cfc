using Pilot.Shared.Sms;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.UnitTests.VacancyAlerts;

public sealed class AlertTextTests
{
    private static VacancyEntity Vacancy(
        string title = "Teaching assistant",
        string employer = "Oakfield Primary School",
        string? url = "https://oakfield.example.org/jobs",
        string? phone = null,
        string hoursText = "Mon-Fri 9.30am-2.30pm term time only")
    {
        var clear = HoursParser.TryParse(hoursText, out var parsed);
        return new VacancyEntity
        {
            Ref = "V-1",
            Title = title,
            Employer = employer,
            Area = "SW2",
            HoursText = hoursText,
            Hours = clear ? PatternText.Write(parsed.Pattern!) : null,
            TermTimeOnly = parsed.TermTimeOnly,
            ApplyUrl = url,
            ApplyPhone = phone,
        };
    }

    [Theory]
    [InlineData("Teaching assistant", "Oakfield Primary School", "https://oakfield.example.org/jobs", null)]
    [InlineData("School cleaner", "Brixton Academy", null, "020 7946 0000")]
    [InlineData("Childminder assistant", "Little Stars Nursery Ltd", "https://jobs.example.org/1234", null)]
    [InlineData("Lunchtime supervisor", "St Mary's C of E Primary", "https://www.example.gov.uk/jobs/5678", null)]
    public void A_typical_alert_fits_one_fragment_and_names_everything(string title, string employer, string? url, string? phone)
    {
        var text = AlertText.Alert(Vacancy(title, employer, url, phone), 2.1);

        var analysis = SmsText.Analyse(text);
        Assert.Equal(1, analysis.Fragments);
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains("SW2", text, StringComparison.Ordinal);
        Assert.Contains("Mon-Fri 9:30-2:30", text, StringComparison.Ordinal);
        Assert.Contains("2.1", text, StringComparison.Ordinal);
        Assert.Contains(url ?? phone!, text, StringComparison.Ordinal);
        Assert.Contains(AlertText.StopWords, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_longest_allowed_vacancy_takes_two_fragments_at_most_and_keeps_the_apply_link_whole()
    {
        var url = "https://" + new string('a', VacancyValidation.MaxApplyUrl - 12) + ".org";
        var vacancy = Vacancy(new string('T', VacancyValidation.MaxTitle), new string('E', VacancyValidation.MaxEmployer), url, hoursText: "Flexible hours, to be agreed with the manager, some weekends");

        var text = AlertText.Alert(vacancy, 29.9);

        Assert.InRange(SmsText.Analyse(text).Fragments, 1, AlertText.MaxAlertFragments);
        Assert.Contains(url, text, StringComparison.Ordinal);
        Assert.Contains(AlertText.StopWords, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclear_hours_are_shown_as_the_advert_words_them()
    {
        var text = AlertText.Alert(Vacancy(hoursText: "Flexible hours"), 1.0);

        Assert.Contains("Hours: Flexible hours", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(25)]
    public void A_digest_fits_three_fragments_nearest_first_and_says_how_many_more(int count)
    {
        var items = Enumerable.Range(1, count).Select(i => (Vacancy($"Teaching assistant {i}"), 10.0 - (i * 0.3))).ToList();

        var text = AlertText.Digest(items);

        Assert.InRange(SmsText.Analyse(text).Fragments, 1, AlertText.MaxDigestFragments);
        Assert.Contains(AlertText.StopWords, text, StringComparison.Ordinal);
        Assert.Contains($"1) Teaching assistant {count},", text, StringComparison.Ordinal);
        var listed = Enumerable.Range(1, count).Count(i => text.Contains($"Teaching assistant {i},", StringComparison.Ordinal));
        if (listed < count)
        {
            Assert.Contains($"And {count - listed} more.", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("more.", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_polish_speaking_parent_gets_alerts_digests_and_confirmations_from_the_polish_file()
    {
        var alert = AlertText.Alert(Vacancy(), 2.1, "pl-PL");
        var digest = AlertText.Digest([(Vacancy(), 1.0), (Vacancy(title: "Cleaner"), 2.0)], "pl");

        Assert.StartsWith("Praca", alert, StringComparison.Ordinal);
        Assert.Contains("oakfield.example.org", alert, StringComparison.Ordinal);
        Assert.Contains(AlertText.StopWords, alert, StringComparison.Ordinal);
        Assert.StartsWith("Oferty pracy na dziś (2):", digest, StringComparison.Ordinal);
        // Polish goes as UCS-2 (67 characters a fragment when split): three fragments hold one job here, and say so.
        Assert.Contains(" 1) Teaching assistant, Oakfield Primary School", digest, StringComparison.Ordinal);
        Assert.Contains("I jeszcze 1.", digest, StringComparison.Ordinal);
        Assert.Contains("JOBS ON", AlertText.AlertsOffConfirmed("pl"), StringComparison.Ordinal);
        Assert.NotEqual(AlertText.AlertsOffConfirmed("pl"), AlertText.AlertsOffConfirmed());
        Assert.Equal("Job alert texts are back on. Reply JOBS OFF to stop them, or CHANGE for a link to change your hours.", AlertText.AlertsOnConfirmed("fr"));
    }

    [Fact]
    public void The_english_wording_is_unchanged_by_moving_it_into_the_language_file()
    {
        Assert.Equal(
            // The two fuller wordings would take two fragments, so the shortest, as before.
            "Job: Teaching assistant, Oakfield Primary School, SW2. Mon-Fri 9:30-2:30 term time. 2.1km. Apply https://oakfield.example.org/jobs. Reply JOBS OFF to stop",
            AlertText.Alert(Vacancy(), 2.1));
        Assert.StartsWith("1 job for you today: 1) Teaching assistant, Oakfield Primary School, SW2,", AlertText.Digest([(Vacancy(), 1.0)]), StringComparison.Ordinal);
        Assert.EndsWith("km, apply https://oakfield.example.org/jobs. Reply JOBS OFF to stop job texts.", AlertText.Digest([(Vacancy(), 1.0)]), StringComparison.Ordinal);
    }
}
