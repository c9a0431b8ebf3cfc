using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pilot.Shared.Sms.Templates;

/// <summary>
/// Reads the language files embedded from <c>Sms/Templates/Data</c> and checks them as they load, so a
/// mistake in wording (an unknown placeholder, a template with no variants, a missing word) stops the
/// app at start rather than sending a broken text to a parent.
/// </summary>
public static class TemplateSetLoader
{
    public const string ResourcePrefix = "Pilot.Shared.Sms.Templates.Data.";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Every embedded language file, keyed by language.</summary>
    public static IReadOnlyDictionary<string, TemplateSet> LoadEmbedded()
    {
        var assembly = typeof(TemplateSetLoader).Assembly;
        var sets = new Dictionary<string, TemplateSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in EmbeddedFiles())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var set = Parse(reader.ReadToEnd(), name);
            if (!sets.TryAdd(set.Language, set))
            {
                throw new InvalidDataException($"{name}: language '{set.Language}' is defined twice.");
            }
        }

        return sets;
    }

    /// <summary>The resource names of the language files.</summary>
    public static IReadOnlyList<string> EmbeddedFiles() =>
        [.. typeof(TemplateSetLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>Parses and checks one language file; <see cref="InvalidDataException"/> names the file and the mistake.</summary>
    public static TemplateSet Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        TemplateFile file;
        try
        {
            file = JsonSerializer.Deserialize<TemplateFile>(json, Options) ?? throw new InvalidDataException($"{source}: the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: {ex.Message}", ex);
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(file.Language))
        {
            errors.Add("\"language\" is missing");
        }

        var culture = Culture(file.Culture, errors);
        if (file.ReviewRequired && string.IsNullOrWhiteSpace(file.ReviewNote))
        {
            errors.Add("\"reviewNote\" must say what needs reviewing when \"reviewRequired\" is true");
        }

        var templates = new Dictionary<string, IReadOnlyList<TextTemplate>>(StringComparer.Ordinal);
        foreach (var (key, variants) in file.Templates ?? [])
        {
            if (!TemplateKeys.Placeholders.TryGetValue(key, out var allowed))
            {
                errors.Add($"template \"{key}\" is not one Pilot sends ({string.Join(", ", TemplateKeys.Placeholders.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            if (variants is null || variants.Length == 0)
            {
                errors.Add($"template \"{key}\" has no variants");
                continue;
            }

            templates[key] = [.. variants.Select((v, i) => Compile($"template \"{key}\" variant {i + 1}", v, allowed, errors)).OfType<TextTemplate>()];
        }

        errors.AddRange(TemplateKeys.Placeholders.Keys.Where(k => !templates.ContainsKey(k) && !(file.Templates?.ContainsKey(k) ?? false)).Select(k => $"template \"{k}\" is missing"));

        var words = new Dictionary<string, TextTemplate>(StringComparer.Ordinal);
        foreach (var (key, word) in file.Words ?? [])
        {
            if (!TemplateWords.Placeholders.TryGetValue(key, out var allowed))
            {
                errors.Add($"word \"{key}\" is not one the templates use");
            }
            else if (Compile($"word \"{key}\"", word, allowed, errors) is { } compiled)
            {
                words[key] = compiled;
            }
        }

        errors.AddRange(TemplateWords.Required.Where(k => !(file.Words?.ContainsKey(k) ?? false)).Select(k => $"word \"{k}\" is missing"));
        if (culture is not null && words.TryGetValue(TemplateWords.DateFormat, out var dateFormat))
        {
            Format(dateFormat.Source, culture, "date-format", errors);
        }

        if (culture is not null && words.TryGetValue(TemplateWords.TimeFormat, out var timeFormat))
        {
            Format(timeFormat.Source, culture, "time-format", errors);
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException($"{source}: {string.Join("; ", errors)}.");
        }

        return new TemplateSet(file.Language!.Trim().ToLowerInvariant(), culture!, file.ReviewRequired, file.ReviewNote, templates, words);
    }

    private static TextTemplate? Compile(string what, string? source, FrozenSet<string> allowed, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add($"{what} is empty");
            return null;
        }

        try
        {
            var template = TextTemplate.Parse(source);
            var unknown = template.Placeholders.Where(p => !allowed.Contains(p)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add($"{what} uses unknown placeholder(s) {string.Join(", ", unknown.Select(p => $"{{{p}}}"))}; allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(p => $"{{{p}}}"))}");
                return null;
            }

            return template;
        }
        catch (FormatException ex)
        {
            errors.Add($"{what}: {ex.Message}");
            return null;
        }
    }

    private static CultureInfo? Culture(string? name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("\"culture\" is missing (e.g. \"en-GB\")");
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            errors.Add($"\"culture\" '{name}' is not a known culture");
            return null;
        }
    }

    private static void Format(string format, CultureInfo culture, string word, List<string> errors)
    {
        try
        {
            _ = new DateTime(2026, 9, 1, 10, 30, 0, DateTimeKind.Unspecified).ToString(format, culture);
        }
        catch (FormatException)
        {
            errors.Add($"word \"{word}\" '{format}' is not a date format");
        }
    }

    private sealed record TemplateFile(
        string? Language,
        string? Culture,
        bool ReviewRequired,
        string? ReviewNote,
        Dictionary<string, string[]?>? Templates,
        Dictionary<string, string?>? Words);
}
