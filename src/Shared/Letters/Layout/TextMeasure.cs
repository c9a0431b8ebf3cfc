using PdfSharp.Drawing;
using Pilot.Shared.Letters.Fonts;

namespace Pilot.Shared.Letters.Layout;

/// <summary>
/// Measures text in the embedded fonts, in millimetres, and wraps it to a width. The layout uses these
/// numbers, and the renderer draws with the same fonts, so what is measured is what is printed.
/// Not thread-safe (one per rendering).
/// </summary>
public sealed class TextMeasure
{
    private readonly XGraphics _graphics;
    private readonly Dictionary<(bool Bold, double Size), XFont> _fonts = [];

    public TextMeasure()
    {
        EmbeddedFontResolver.Install();
        _graphics = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(bool bold, double size)
    {
        if (!_fonts.TryGetValue((bold, size), out var font))
        {
            font = new XFont(EmbeddedFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            _fonts[(bold, size)] = font;
        }

        return font;
    }

    public double Width(string text, bool bold, double size) =>
        _graphics.MeasureString(text, Font(bold, size)).Width / NotifyLetterSpec.PointsPerMillimetre;

    /// <summary>The distance from one line's top to the next line's top.</summary>
    public double LineHeight(bool bold, double size) =>
        Font(bold, size).GetHeight() / NotifyLetterSpec.PointsPerMillimetre;

    /// <summary>Word-wraps <paramref name="text"/> to <paramref name="width"/> mm; a word wider than that
    /// (a long web address) is broken between characters.</summary>
    public IReadOnlyList<string> Wrap(string text, bool bold, double size, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Width(candidate, bold, size) <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (Width(current, bold, size) > width)
            {
                var fits = 1;
                while (fits < current.Length && Width(current[..(fits + 1)], bold, size) <= width)
                {
                    fits++;
                }

                lines.Add(current[..fits]);
                current = current[fits..];
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
