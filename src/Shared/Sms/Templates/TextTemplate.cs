using System.Text;

namespace Pilot.Shared.Sms.Templates;

/// <summary>
/// One wording with named placeholders: <c>{name}</c> is replaced by its value, and a part in square
/// brackets, <c>[ at {venue}]</c>, is left out whole when a placeholder in it has no value (so a text
/// without a venue does not say " at ."). Brackets do not nest; braces and brackets are syntax only.
/// </summary>
public sealed class TextTemplate
{
    private readonly IReadOnlyList<Part> parts;

    private TextTemplate(string source, IReadOnlyList<Part> parts)
    {
        Source = source;
        this.parts = parts;
        Placeholders = parts.SelectMany(p => p.Optional ?? [p]).Where(p => p.Placeholder is not null).Select(p => p.Placeholder!).ToHashSet(StringComparer.Ordinal);
    }

    public string Source { get; }

    public IReadOnlySet<string> Placeholders { get; }

    /// <summary>Parses <paramref name="source"/>; a <see cref="FormatException"/> says what is wrong and where.</summary>
    public static TextTemplate Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<Part>();
        List<Part>? optional = null;
        var literal = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '{':
                    var close = source.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"'{{' at {i} is never closed");
                    }

                    var name = source[(i + 1)..close];
                    if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
                    {
                        throw new FormatException($"placeholder '{{{name}}}' at {i} must be letters and digits only");
                    }

                    Flush(literal, optional ?? parts);
                    (optional ?? parts).Add(new Part(null, name, null));
                    i = close;
                    break;
                case '[':
                    if (optional is not null)
                    {
                        throw new FormatException($"'[' at {i} opens inside another optional part");
                    }

                    Flush(literal, parts);
                    optional = [];
                    break;
                case ']':
                    if (optional is null)
                    {
                        throw new FormatException($"']' at {i} closes nothing");
                    }

                    Flush(literal, optional);
                    if (!optional.Any(p => p.Placeholder is not null))
                    {
                        throw new FormatException($"the optional part ending at {i} has no placeholder, so it would always be shown");
                    }

                    parts.Add(new Part(null, null, optional));
                    optional = null;
                    break;
                case '}':
                    throw new FormatException($"'}}' at {i} closes nothing");
                default:
                    literal.Append(c);
                    break;
            }
        }

        if (optional is not null)
        {
            throw new FormatException("an optional part '[' is never closed");
        }

        Flush(literal, parts);
        return new TextTemplate(source, parts);
    }

    /// <summary>
    /// The text with <paramref name="values"/> put in. A placeholder outside brackets must have a value
    /// (it may be empty); one inside brackets without a value, or with an empty one, drops its part.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Optional is { } optional)
            {
                if (optional.All(p => p.Placeholder is null || (values.TryGetValue(p.Placeholder, out var v) && !string.IsNullOrEmpty(v))))
                {
                    foreach (var inner in optional)
                    {
                        text.Append(inner.Literal ?? values[inner.Placeholder!]);
                    }
                }
            }
            else if (part.Placeholder is { } name)
            {
                text.Append(values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"No value for {{{name}}} in \"{Source}\".", nameof(values)));
            }
            else
            {
                text.Append(part.Literal);
            }
        }

        return text.ToString();
    }

    public override string ToString() => Source;

    private static void Flush(StringBuilder literal, List<Part> into)
    {
        if (literal.Length > 0)
        {
            into.Add(new Part(literal.ToString(), null, null));
            literal.Clear();
        }
    }

    private sealed record Part(string? Literal, string? Placeholder, IReadOnlyList<Part>? Optional);
}
