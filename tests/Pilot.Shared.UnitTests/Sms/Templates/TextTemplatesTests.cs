using Pilot.Shared.DemoData;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Reminders.Templates;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Templates;
using Pilot.Shared.Time;

namespace Pilot.Shared.UnitTests.Sms.Templates;

public sealed class TextTemplatesTests
{
    // Tuesday 3 March 2026, 10:30 GMT.
    private static readonly DateTimeOffset Tuesday1030 = LondonTime.FromLocal(new DateTime(2026, 3, 3, 10, 30, 0));

    private static readonly string[] RealisticNames = ["Amy", "Christabel-Annabelle", "Oluwaseun-Adebayo", "Mary Jane", "Łucja", "Małgorzata", "Zoë", "Ngọc Anh", "محمد", ""];

    private static readonly string[] TextKindsToRender = [TextKinds.Confirmation, TextKinds.DaysBefore(1), TextKinds.HoursBefore(2), TextKinds.Rescheduled, TextKinds.Cancelled];

    [Theory]
    [InlineData("pl", "pl")]
    [InlineData("pl-PL", "pl")]
    [InlineData("PL_pl", "pl")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "en")]
    [InlineData("cy-GB", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void Preferred_language_is_used_when_a_file_exists_else_english(string? preferred, string expected)
    {
        Assert.Equal(expected, TextTemplates.LanguageFor(preferred));
        Assert.Equal(expected, TextTemplates.RenderReply(TemplateKeys.OptOutConfirmed, preferred).Language);
    }

    [Fact]
    public void English_is_not_marked_for_review_and_polish_is_a_draft_needing_a_translator()
    {
        Assert.False(TextTemplates.For("en").ReviewRequired);
        var polish = TextTemplates.For("pl");
        Assert.True(polish.ReviewRequired);
        Assert.Contains("translator", polish.ReviewNote, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("draft", polish.ReviewNote, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void First_variant_that_fits_one_fragment_is_chosen()
    {
        var values = new Dictionary<string, string> { [TemplateKeys.Phone] = "01632 960123" };
        var reply = TextTemplates.Render(TemplateKeys.UnknownReply, "en", values);
        Assert.Equal(TextTemplates.Variants(TemplateKeys.UnknownReply, "en", values)[0].Text, reply.Text);
        Assert.Equal(1, reply.Analysis.Fragments);

        var longPhone = new Dictionary<string, string> { [TemplateKeys.Phone] = "01632 960123, or ask at the children's centre reception desk" };
        var shorter = TextTemplates.Render(TemplateKeys.UnknownReply, "en", longPhone);
        Assert.StartsWith("Replies here are not read.", shorter.Text, StringComparison.Ordinal);
        Assert.Equal(1, shorter.Analysis.Fragments);
    }

    [Fact]
    public void When_nothing_fits_one_fragment_the_fewest_fragments_win()
    {
        var values = new Dictionary<string, string> { [TemplateKeys.Phone] = new string('1', 200) };
        var reply = TextTemplates.Render(TemplateKeys.UnknownReply, "en", values);
        var fewest = TextTemplates.Variants(TemplateKeys.UnknownReply, "en", values).Min(v => v.Analysis.Fragments);
        Assert.Equal(fewest, reply.Analysis.Fragments);
        Assert.True(reply.Analysis.Fragments > 1);
    }

    [Fact]
    public void Text_over_918_characters_is_refused_with_a_clear_error()
    {
        var values = new Dictionary<string, string> { [TemplateKeys.Phone] = new string('1', SmsText.MaxCharacters) };
        var error = Assert.Throws<TextTooLongException>(() => TextTemplates.Render(TemplateKeys.UnknownReply, "en", values));
        Assert.Contains("918", error.Message, StringComparison.Ordinal);
        Assert.Contains(TemplateKeys.UnknownReply, error.Message, StringComparison.Ordinal);
        Assert.True(error.Units > SmsText.MaxCharacters);
    }

    [Fact]
    public void Reminder_text_over_918_characters_is_refused()
    {
        var model = new ReminderTextModel("Amy", "wfi", Tuesday1030, "Grange Park", new string('1', 1000), null);
        Assert.Throws<TextTooLongException>(() => ReminderTemplates.Render(TextKinds.Confirmation, model));
    }

    [Fact]
    public void Missing_value_for_a_required_placeholder_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TextTemplates.Render(TemplateKeys.UnknownReply, "en", new Dictionary<string, string>()));
        Assert.Throws<ArgumentException>(() => TextTemplates.Render("reminder-soon", "en", new Dictionary<string, string>()));
    }

    [Fact]
    public void Replies_are_in_the_data_for_every_language()
    {
        foreach (var language in TextTemplates.Languages)
        {
            Assert.Contains("START", TextTemplates.RenderReply(TemplateKeys.OptOutConfirmed, language).Text, StringComparison.Ordinal);
            Assert.Contains("STOP", TextTemplates.RenderReply(TemplateKeys.OptInConfirmed, language).Text, StringComparison.Ordinal);
            Assert.Contains("01632 960123", TextTemplates.RenderReply(TemplateKeys.UnknownReply, language, "01632 960123").Text, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => TextTemplates.RenderReply(TemplateKeys.Confirmation, "en"));
    }

    [Fact]
    public void Every_english_template_fits_one_gsm_fragment_for_the_demo_venues_and_realistic_names()
    {
        foreach (var venue in DemoSeeder.PilotVenues())
        {
            foreach (var name in RealisticNames)
            {
                foreach (var kind in new[] { "wfi", "adviser", "course" })
                {
                    foreach (var textKind in TextKindsToRender)
                    {
                        var model = new ReminderTextModel(name, kind, Tuesday1030, venue.Name, venue.Phone, "Samantha Patel-Okonkwo", Tuesday1030.AddDays(-1));
                        var analysis = SmsText.Analyse(ReminderTemplates.Render(textKind, model, "en"));
                        Assert.True(analysis.Fragments == 1 && analysis.Encoding == SmsEncoding.Gsm7, $"{analysis.Units} {analysis.Encoding}: {analysis.NormalisedText}");
                    }
                }
            }

            foreach (var reply in new[] { TemplateKeys.OptOutConfirmed, TemplateKeys.OptInConfirmed, TemplateKeys.UnknownReply })
            {
                var analysis = TextTemplates.RenderReply(reply, "en", venue.Phone).Analysis;
                Assert.Equal((1, SmsEncoding.Gsm7), (analysis.Fragments, analysis.Encoding));
            }
        }
    }

    [Fact]
    public void English_dates_come_from_en_gb_with_sept_for_september()
    {
        var startsAt = LondonTime.FromLocal(new DateTime(2026, 9, 15, 9, 0, 0));
        var text = ReminderTemplates.Render(TextKinds.Confirmation, new ReminderTextModel("Amy", "wfi", startsAt, "Grange Park", "01632 960123", null));
        Assert.Contains("Tue 15 Sept at 09:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Polish_text_uses_polish_words_and_pl_pl_dates()
    {
        var model = new ReminderTextModel("Łucja", "wfi", Tuesday1030, "Stockwell Park Children's Centre", "020 7946 0201", null);
        var confirmation = ReminderTemplates.Render(TextKinds.Confirmation, model, "pl-PL");
        Assert.Contains("wt 3 mar o 10:30", confirmation, StringComparison.Ordinal);
        Assert.Contains("Łucja", confirmation, StringComparison.Ordinal); // UCS-2 anyway: the name is not transliterated
        Assert.Contains("Stockwell Park Children's Centre", confirmation, StringComparison.Ordinal); // nor the venue cut
        Assert.Equal(SmsEncoding.Ucs2, SmsText.Analyse(confirmation).Encoding);
        Assert.Contains("jutro o 10:30", ReminderTemplates.Render(TextKinds.DaysBefore(1), model, "pl"), StringComparison.Ordinal);
        Assert.Contains("dziś o 10:30", ReminderTemplates.Render(TextKinds.HoursBefore(2), model, "pl"), StringComparison.Ordinal);
    }

    [Fact]
    public void Polish_text_takes_the_fewest_fragments_its_variants_allow()
    {
        var model = new ReminderTextModel("Christabel-Annabelle", "adviser", Tuesday1030, "Redcar and Cleveland Coatham Children's Centre Outreach Site", "01632 960123", "Samantha Patel-Okonkwo", Tuesday1030.AddDays(-1));
        foreach (var textKind in TextKindsToRender)
        {
            var text = ReminderTemplates.Render(textKind, model, "pl");
            var fewest = TextTemplates.Variants(ReminderTemplates.TemplateKeyFor(textKind), "pl", new Dictionary<string, string>
            {
                [TemplateKeys.FirstName] = model.FirstName,
                [TemplateKeys.Appointment] = "spotkanie z doradcą Jobcentre Plus (Samantha Patel-Okonkwo)",
                [TemplateKeys.AppointmentShort] = "spotkanie z doradcą (Samantha Patel-Okonkwo)",
                [TemplateKeys.AppointmentAlone] = "spotkanie z doradcą",
                [TemplateKeys.When] = "wt 3 mar o 10:30",
                [TemplateKeys.Previous] = "pon 2 mar o 10:30",
                [TemplateKeys.Venue] = model.VenueName,
                [TemplateKeys.Phone] = model.VenuePhone,
            }).Min(v => v.Analysis.Fragments);
            Assert.True(SmsText.Analyse(text).Fragments <= fewest, text);
            Assert.Contains(model.VenueName, text, StringComparison.Ordinal);
        }
    }
}
