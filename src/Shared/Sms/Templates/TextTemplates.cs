namespace Pilot.Shared.Sms.Templates;

/// <summary>
/// Renders the texts Pilot sends from the language files in <c>Sms/Templates/Data</c>. A parent gets
/// their preferred language when a file exists for it ("pl" or "pl-PL" gives pl.json), English otherwise.
/// Each template's variants go from fullest to shortest; the first that fits one fragment is sent,
/// else the first of those needing the fewest fragments, since every fragment is billed.
/// </summary>
public static class TextTemplates
{
    public const string English = "en";

    private static readonly Lazy<IReadOnlyDictionary<string, TemplateSet>> Sets = new(TemplateSetLoader.LoadEmbedded);

    /// <summary>Every language with a file.</summary>
    public static IReadOnlyCollection<string> Languages => [.. Sets.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The language a parent's texts are written in: theirs when a file exists (by the full tag or its first part), else English.</summary>
    public static string LanguageFor(string? preferredLanguage)
    {
        var wanted = (preferredLanguage ?? string.Empty).Trim().Replace('_', '-');
        if (wanted.Length == 0)
        {
            return English;
        }

        if (Sets.Value.ContainsKey(wanted))
        {
            return wanted.ToLowerInvariant();
        }

        var primary = wanted.Split('-', 2)[0];
        return Sets.Value.ContainsKey(primary) ? primary.ToLowerInvariant() : English;
    }

    /// <summary>The template set for a parent's preferred language (see <see cref="LanguageFor"/>).</summary>
    public static TemplateSet For(string? preferredLanguage) => Sets.Value[LanguageFor(preferredLanguage)];

    /// <summary>
    /// The first variant that fits one SMS fragment, else the first with the fewest fragments.
    /// Throws <see cref="TextTooLongException"/> when even that is over <see cref="SmsText.MaxCharacters"/>.
    /// </summary>
    public static RenderedText Render(string templateKey, string? language, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(templateKey);
        return Choose(templateKey, Variants(templateKey, language, values));
    }

    /// <summary>Every variant of a template, rendered, fullest first; for callers with their own ways to shorten.</summary>
    public static IReadOnlyList<RenderedText> Variants(string templateKey, string? language, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(templateKey);
        ArgumentNullException.ThrowIfNull(values);
        var set = For(language);
        return [.. set.Variants(templateKey).Select(v => Rendered(v.Render(values), set.Language))];
    }

    /// <summary>
    /// The answer to a parent's text: <see cref="TemplateKeys.OptOutConfirmed"/>, <see cref="TemplateKeys.OptInConfirmed"/>
    /// or <see cref="TemplateKeys.UnknownReply"/>, with the number to call (required by unknown-reply, optional otherwise).
    /// </summary>
    public static RenderedText RenderReply(string replyKey, string? language, string? phone = null)
    {
        if (replyKey is not (TemplateKeys.OptOutConfirmed or TemplateKeys.OptInConfirmed or TemplateKeys.UnknownReply))
        {
            throw new ArgumentException($"'{replyKey}' is not a reply template.", nameof(replyKey));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(phone))
        {
            values[TemplateKeys.Phone] = phone.Trim();
        }

        return Render(replyKey, language, values);
    }

    /// <summary>The first text that fits one fragment, else the first with the fewest; refused when over the limit.</summary>
    public static RenderedText Choose(string templateKey, IEnumerable<RenderedText> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        RenderedText? best = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Analysis.Fragments == 1)
            {
                return candidate;
            }

            if (best is null || candidate.Analysis.Fragments < best.Analysis.Fragments)
            {
                best = candidate;
            }
        }

        if (best is null)
        {
            throw new ArgumentException($"No text to choose for '{templateKey}'.", nameof(candidates));
        }

        return best.Analysis.IsTooLong ? throw new TextTooLongException(templateKey, best.Language, best.Analysis) : best;
    }

    /// <summary>A text as it will be sent, with its encoding and fragments.</summary>
    public static RenderedText Rendered(string text, string language)
    {
        var analysis = SmsText.Analyse(text);
        return new RenderedText(analysis.NormalisedText, language, analysis);
    }
}
