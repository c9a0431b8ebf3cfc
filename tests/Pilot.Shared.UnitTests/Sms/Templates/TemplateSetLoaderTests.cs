using Pilot.Shared.Sms.Templates;

namespace Pilot.Shared.UnitTests.Sms.Templates;

public sealed class TemplateSetLoaderTests
{
    private const string Valid = """
        {
          "language": "xx",
          "culture": "en-GB",
          "reviewRequired": false,
          "templates": {
            "confirmation": ["Hi[ {firstName}], {appointment} {when}[ at {venue}]. Call {phone}."],
            "reminder-day": ["{appointment} {when}. Call {phone}."],
            "reminder-hours": ["{appointment} {when}. Call {phone}."],
            "rescheduled": ["{appointment} moved[ from {previous}] to {when}. Call {phone}."],
            "cancelled": ["{appointment} {when} cancelled. Call {phone}."],
            "opt-out-confirmed": ["Stopped."],
            "opt-in-confirmed": ["Started."],
            "unknown-reply": ["Call {phone}."],
            "wfi-letter-coming": ["Letter {reference}: 1 or 2 for {centre}."],
            "wfi-choice-booked": ["Booked {when} at {venue}."],
            "wfi-which-letter": ["Which? {reference}"],
            "wfi-choice-closed": ["Closed. Call {phone}."],
            "wfi-defaulted": ["Booked {when} at {venue}."],
            "vacancy-alert": ["Job: {title}, {employer}, {area}. {hours}. {km} km. Apply {apply}."],
            "vacancy-digest-one": ["1 job:{jobs}"],
            "vacancy-digest": ["{count} jobs:{jobs}[ And {more} more.]"],
            "vacancy-digest-line": [" {number}) {title}, {employer}, {area}, {hours}, {km} km, {apply}."],
            "jobs-off-confirmed": ["Jobs off."],
            "jobs-on-confirmed": ["Jobs on."],
            "parent-link": ["Your page: {link} until {until}."]
          },
          "words": {
            "wfi": "WFI", "adviser": "adviser", "course": "course", "appointment": "appointment",
            "with-adviser": "{what} with {adviser}", "today": "today", "tomorrow": "tomorrow",
            "day-and-time": "{day} at {time}", "date-format": "ddd d MMM", "time-format": "HH:mm"
          }
        }
        """;

    public static TheoryData<string> EmbeddedFiles() => [.. TemplateSetLoader.EmbeddedFiles()];

    [Fact]
    public void English_and_polish_files_are_embedded()
    {
        Assert.Contains("Pilot.Shared.Sms.Templates.Data.en.json", TemplateSetLoader.EmbeddedFiles());
        Assert.Contains("Pilot.Shared.Sms.Templates.Data.pl.json", TemplateSetLoader.EmbeddedFiles());
    }

    [Theory]
    [MemberData(nameof(EmbeddedFiles))]
    public void Every_language_file_loads_with_every_template_and_word(string resource)
    {
        using var stream = typeof(TemplateSetLoader).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var set = TemplateSetLoader.Parse(reader.ReadToEnd(), resource);
        Assert.All(TemplateKeys.Placeholders.Keys, key => Assert.NotEmpty(set.Variants(key)));
        Assert.All(TemplateWords.Required, word => Assert.True(set.Words.ContainsKey(word), word));
        Assert.EndsWith($".{set.Language}.json", resource, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_file_loads()
    {
        var set = TemplateSetLoader.Parse(Valid, "test.json");
        Assert.Equal("xx", set.Language);
        Assert.Equal("Hi Amy, WFI today. Call 1.", set.Variants("confirmation")[0].Render(new Dictionary<string, string>
        {
            ["firstName"] = "Amy", ["appointment"] = "WFI", ["when"] = "today", ["venue"] = "", ["phone"] = "1",
        }));
    }

    [Fact]
    public void Unknown_placeholder_is_refused_naming_it_and_the_template()
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("Stopped.", "Stopped {venue}.", StringComparison.Ordinal), "bad.json"));
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"opt-out-confirmed\" variant 1 uses unknown placeholder(s) {venue}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Previous_is_only_allowed_in_the_rescheduled_notice()
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("{appointment} {when} cancelled", "{appointment} {previous} cancelled", StringComparison.Ordinal), "bad.json"));
        Assert.Contains("\"cancelled\" variant 1 uses unknown placeholder(s) {previous}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_template_set_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("[\"Started.\"]", "[]", StringComparison.Ordinal), "bad.json"));
        Assert.Contains("template \"opt-in-confirmed\" has no variants", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_variant_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("[\"Started.\"]", "[\"Started.\", \"\"]", StringComparison.Ordinal), "bad.json"));
        Assert.Contains("\"opt-in-confirmed\" variant 2 is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_template_and_unknown_template_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("\"unknown-reply\"", "\"unknown-replies\"", StringComparison.Ordinal), "bad.json"));
        Assert.Contains("template \"unknown-replies\" is not one Pilot sends", error.Message, StringComparison.Ordinal);
        Assert.Contains("template \"unknown-reply\" is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_word_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("\"tomorrow\": \"tomorrow\",", string.Empty, StringComparison.Ordinal), "bad.json"));
        Assert.Contains("word \"tomorrow\" is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi {firstName")]
    [InlineData("Hi firstName}")]
    [InlineData("Hi [at [{venue}]]")]
    [InlineData("Hi [ at {venue}")]
    [InlineData("Hi [ at venue]")]
    [InlineData("Hi {first name}")]
    public void Broken_template_syntax_is_refused(string variant)
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("Started.", variant, StringComparison.Ordinal), "bad.json"));
        Assert.Contains("\"opt-in-confirmed\" variant 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_required_needs_a_note()
    {
        var error = Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("\"reviewRequired\": false", "\"reviewRequired\": true", StringComparison.Ordinal), "bad.json"));
        Assert.Contains("reviewNote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_culture_and_misspelt_fields_are_refused()
    {
        Assert.Contains("not a known culture", Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("en-GB", "xx-NOPE", StringComparison.Ordinal), "bad.json")).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => TemplateSetLoader.Parse(Valid.Replace("\"reviewRequired\"", "\"reviewRequried\"", StringComparison.Ordinal), "bad.json"));
    }
}
