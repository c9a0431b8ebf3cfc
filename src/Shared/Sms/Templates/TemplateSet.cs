using System.Globalization;

namespace Pilot.Shared.Sms.Templates;

/// <summary>
/// The texts of one language, as loaded and checked from <c>Data/&lt;language&gt;.json</c>: for each
/// template key its wordings from fullest to shortest, and the words appointment texts are built from.
/// </summary>
/// <param name="ReviewRequired">True for a draft that a professional translator must review before it is sent to parents.</param>
public sealed record TemplateSet(
    string Language,
    CultureInfo Culture,
    bool ReviewRequired,
    string? ReviewNote,
    IReadOnlyDictionary<string, IReadOnlyList<TextTemplate>> Templates,
    IReadOnlyDictionary<string, TextTemplate> Words)
{
    public IReadOnlyList<TextTemplate> Variants(string templateKey) =>
        Templates.TryGetValue(templateKey, out var variants)
            ? variants
            : throw new ArgumentException($"Unknown template '{templateKey}'.", nameof(templateKey));

    /// <summary>A word, with its placeholders filled in when it has any.</summary>
    public string Word(string key, IReadOnlyDictionary<string, string>? values = null) =>
        Words.TryGetValue(key, out var word)
            ? word.Render(values ?? new Dictionary<string, string>())
            : throw new ArgumentException($"The {Language} templates have no word '{key}'.", nameof(key));

    public string? OptionalWord(string key, IReadOnlyDictionary<string, string>? values = null) =>
        Words.ContainsKey(key) ? Word(key, values) : null;
}
