using Pilot.Shared.Parents;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.UnitTests.VacancyAlerts;

public sealed class AlertValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static RegisterParentRequest Parent(IReadOnlyList<WeeklyWindowRequest?>? availability, double? maxKm = 5, string? mode = "bus", AlertsRequest? alerts = null)
        => new("Amina", "07700 900123", new AddressRequest(["1 Road"], "SW9 9TN"), "en", new ConsentsRequest(true),
            Availability: availability, MaxTravelKm: maxKm, TravelMode: mode, Alerts: alerts ?? new AlertsRequest(true, 3, "immediate"));

    private static List<FieldError> ParentErrors(RegisterParentRequest request)
    {
        var errors = new List<FieldError>();
        JobSearchValidation.Check(request, errors);
        return errors;
    }

    [Fact]
    public void A_valid_job_search_builds_the_availability_and_alert_settings()
    {
        var errors = new List<FieldError>();
        var (search, optIn) = JobSearchValidation.Check(Parent([new WeeklyWindowRequest(["Mon", "Tue"], "09:15", "14:45")], alerts: new AlertsRequest(true, 2, "digest")), errors);

        Assert.Empty(errors);
        Assert.True(optIn);
        Assert.Equal("Mon, Tue 9:15-2:45", PatternText.Read(search!.Availability).Describe());
        Assert.Equal(2, search.AlertsMaxPerWeek);
        Assert.Equal(AlertModes.Digest, search.AlertsMode);
    }

    [Theory]
    [InlineData("09:10", "14:45", "availability[0].from")]
    [InlineData("09:15", "25:00", "availability[0].to")]
    [InlineData("9:15", "14:45", "availability[0].from")]
    public void Times_off_the_quarter_hour_are_refused_naming_the_field(string from, string to, string field)
        => Assert.Contains(ParentErrors(Parent([new WeeklyWindowRequest(["Mon"], from, to)])), e => e.Field == field);

    [Fact]
    public void Opting_in_needs_availability_reach_and_mode_and_reach_is_capped()
    {
        Assert.Contains(ParentErrors(Parent(null)), e => e.Field == "availability");
        Assert.Contains(ParentErrors(Parent([new WeeklyWindowRequest(["Mon"], "09:00", "15:00")], maxKm: 31)), e => e.Field == "maxTravelKm");
        Assert.Contains(ParentErrors(Parent([new WeeklyWindowRequest(["Mon"], "09:00", "15:00")], mode: "train")), e => e.Field == "travelMode");
        Assert.Contains(ParentErrors(Parent([new WeeklyWindowRequest(["Funday"], "09:00", "15:00")])), e => e.Field == "availability[0].days");
        Assert.Contains(ParentErrors(Parent([new WeeklyWindowRequest(["Mon"], "09:00", "15:00")], alerts: new AlertsRequest(true, 0, "hourly"))), e => e.Field == "alerts.maxPerWeek");
        Assert.Contains(ParentErrors(Parent([new WeeklyWindowRequest(["Mon"], "09:00", "15:00")], alerts: new AlertsRequest(true, 3, "hourly"))), e => e.Field == "alerts.mode");
    }

    [Fact]
    public void A_parent_who_gives_no_job_search_and_no_alerts_needs_none()
    {
        var errors = new List<FieldError>();
        var (search, optIn) = JobSearchValidation.Check(new RegisterParentRequest("Amina", "07700 900123", null, "en", null), errors);

        Assert.Empty(errors);
        Assert.Null(search);
        Assert.False(optIn);
    }

    [Fact]
    public void A_vacancy_is_checked_field_by_field()
    {
        var errors = new List<FieldError>();
        var vacancy = VacancyValidation.Check(
            new VacancyRequest("bad ref!", "", "Employer", "SW2 1RW", "Mon-Fri 9am-3pm", null, 61, null, new SalaryRequest(12, 10, "fortnight"), "education", null, "2026-04-30", new ApplyRequest("ftp://x", null)),
            Now,
            errors);

        Assert.Null(vacancy);
        Assert.Equal(
            ["apply.url", "expiryDate", "hoursPerWeek", "ref", "salary.max", "salary.period", "title"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_structured_pattern_wins_over_the_text_and_expiry_is_the_end_of_the_london_day()
    {
        var errors = new List<FieldError>();
        var vacancy = VacancyValidation.Check(
            new VacancyRequest("V-1", "Cook", "Kitchen", "SW2 1RW", "Varied hours", [new WeeklyWindowRequest(["Sat"], "10:00", "14:00")], null, null, null, "catering", ["chef"], "2026-03-31", new ApplyRequest(null, "020 7946 0000")),
            Now,
            errors);

        Assert.Empty(errors);
        Assert.Equal("Sat 10:00-2:00", PatternText.Read(vacancy!.Hours!).Describe());
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero), vacancy.ExpiresAt); // BST from 29 March
        Assert.Contains("chef", vacancy.ToMatching().Keywords);
        Assert.Contains("cook", vacancy.ToMatching().Keywords);
    }

    [Fact]
    public void A_pattern_survives_storage()
    {
        var pattern = WeeklyPattern.FromDayRange([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], 32, 52)
            .Union(WeeklyPattern.FromDayRange([DayOfWeek.Sunday], 88, 8));

        Assert.Equal(pattern, PatternText.Read(PatternText.Write(pattern)));
    }

    [Theory]
    [InlineData("JOBS OFF", ReplyKind.AlertsOff)]
    [InlineData("jobs off please", ReplyKind.AlertsOff)]
    [InlineData("Stop jobs", ReplyKind.AlertsOff)]
    [InlineData("JOBS ON", ReplyKind.AlertsOn)]
    [InlineData("STOP", ReplyKind.OptOut)]
    [InlineData("any jobs in Brixton?", ReplyKind.Unknown)]
    public void Jobs_off_is_its_own_reply_and_stop_still_means_everything(string body, ReplyKind kind)
        => Assert.Equal(kind, ReplyClassifier.Classify(body));
}
