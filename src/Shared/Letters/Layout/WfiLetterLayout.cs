namespace Pilot.Shared.Letters.Layout;

/// <summary>
/// Places the WFI letter on A4 pages, every line measured: the office block and the parent's address on
/// page 1 where Notify's envelope and rules want them, then the body flowed onto one or two pages. Text
/// that is too long wraps; an address too big for the window, or a body too long for two pages, is set
/// smaller, down to a floor, before it gives up (<see cref="LetterLayoutException"/>). Pure: the same
/// letter always gives the same layout.
/// </summary>
public static class WfiLetterLayout
{
    public const int MaxPages = 2;

    /// <summary>The body's left and right edges: inside the printable area (15 mm) with a little air.</summary>
    public const double BodyLeft = 20.0;
    public const double BodyRight = 190.0;

    /// <summary>Where page 1's body starts (below Notify's address area) and page 2's.</summary>
    public const double BodyTopFirstPage = NotifyLetterSpec.BodyTopPageOne + 2.0;
    public const double BodyTopLaterPages = 20.0;

    /// <summary>The body stops here; the footer sits below it, above the printable area's edge (292 mm).</summary>
    public const double BodyBottom = 280.0;
    public const double FooterTop = 284.0;

    private const double ColumnGap = 6.0;
    private const double FramePadding = 3.0;
    private const double BulletIndent = 5.0;
    private const double AddressPadding = 1.0;

    private static readonly double[] BodySizes = [11.0, 10.5, 10.0, 9.5, 9.0];
    private static readonly double[] AddressSizes = [10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0];
    private static readonly double[] OfficeSizes = [9.0, 8.5, 8.0, 7.5, 7.0];
    private const double FooterSize = 8.0;

    private static readonly Lock SharedMeasureLock = new();
    private static readonly Lazy<TextMeasure> SharedMeasure = new(() => new TextMeasure());

    /// <summary>True when one address line fits the envelope window's width at the smallest address size,
    /// so an address that passed <see cref="PostalAddressRules"/> can always be laid out.</summary>
    public static bool FitsAddressWindow(string line)
    {
        lock (SharedMeasureLock)
        {
            return SharedMeasure.Value.Width(line, false, AddressSizes[^1]) <= NotifyLetterSpec.AddressBlock.Width - 2 * AddressPadding;
        }
    }

    public static LetterLayout Lay(WfiLetter letter, TextMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(measure);
        var firstPage = new List<LetterLine>();
        firstPage.AddRange(Office(letter, measure));
        firstPage.AddRange(Address(letter.To, measure));

        var blocks = WfiLetterWording.Body(letter);
        foreach (var size in BodySizes)
        {
            if (Flow(blocks, size, measure) is { } body)
            {
                var pages = new List<LetterPageLayout>();
                for (var i = 0; i < body.Count; i++)
                {
                    var lines = new List<LetterLine>(i == 0 ? firstPage : []);
                    lines.AddRange(body[i].Lines);
                    var footer = WfiLetterWording.Footer(letter, i + 1, body.Count);
                    lines.Add(new LetterLine(footer, false, FooterSize,
                        new LetterBox(BodyLeft, FooterTop, measure.Width(footer, false, FooterSize), measure.LineHeight(false, FooterSize)), LetterRegion.Footer));
                    pages.Add(new LetterPageLayout(i + 1, lines, body[i].Frames));
                }

                var layout = new LetterLayout(pages);
                var problems = layout.Problems();
                return problems.Count == 0
                    ? layout
                    : throw new LetterLayoutException($"Letter {letter.Reference} breaks Notify's rules: {string.Join("; ", problems)}.");
            }
        }

        throw new LetterLayoutException($"Letter {letter.Reference} does not fit on {MaxPages} pages even at {BodySizes[^1]}pt.");
    }

    private static List<LetterLine> Office(WfiLetter letter, TextMeasure measure)
    {
        var block = NotifyLetterSpec.ServiceAddressBlock;
        var content = WfiLetterWording.OfficeBlock(letter);
        foreach (var size in OfficeSizes)
        {
            var lines = new List<LetterLine>();
            var top = block.Top + 5.0;
            foreach (var (text, bold) in content)
            {
                var height = measure.LineHeight(bold, size);
                if (text.Length == 0)
                {
                    top += height; // a blank line separates the parts; nothing is drawn
                    continue;
                }

                foreach (var part in measure.Wrap(text, bold, size, block.Width))
                {
                    lines.Add(new LetterLine(part, bold, size, new LetterBox(block.Left, top, measure.Width(part, bold, size), height), LetterRegion.ServiceAddress));
                    top += height;
                }
            }

            if (top <= block.Bottom)
            {
                return lines;
            }
        }

        throw new LetterLayoutException($"Letter {letter.Reference}: the office's address is too long for its block.");
    }

    /// <summary>The address sits top-left in the window, one line per address line, never wrapped (a
    /// wrapped line would read as two): too long or too many lines are set smaller instead.</summary>
    private static List<LetterLine> Address(PostalAddress to, TextMeasure measure)
    {
        var window = NotifyLetterSpec.AddressBlock;
        foreach (var size in AddressSizes)
        {
            var height = measure.LineHeight(false, size);
            var widths = to.Lines.Select(line => measure.Width(line, false, size)).ToList();
            if (widths.Max() > window.Width - 2 * AddressPadding || height * to.Lines.Count > window.Height - 2 * AddressPadding)
            {
                continue;
            }

            return [.. to.Lines.Select((line, i) => new LetterLine(line, false, size,
                new LetterBox(window.Left + AddressPadding, window.Top + AddressPadding + i * height, widths[i], height), LetterRegion.RecipientAddress))];
        }

        throw new LetterLayoutException("The address does not fit the envelope window even at the smallest size.");
    }

    private sealed record PageBody(List<LetterLine> Lines, List<LetterBox> Frames);

    /// <summary>The body at one text size, or null when it needs more than <see cref="MaxPages"/> pages.</summary>
    private static List<PageBody>? Flow(IReadOnlyList<LetterBlock> blocks, double size, TextMeasure measure)
    {
        var pages = new List<PageBody> { new([], []) };
        var top = BodyTopFirstPage;
        var gap = measure.LineHeight(false, size) * 0.6;
        for (var i = 0; i < blocks.Count; i++)
        {
            var placed = Place(blocks[i], size, measure, top);
            var needed = placed.Bottom - top;
            if (blocks[i] is LetterParagraph { KeepWithNext: true } && i + 1 < blocks.Count)
            {
                needed += gap + FirstLineHeight(blocks[i + 1], size, measure);
            }

            if (top + needed > BodyBottom)
            {
                if (pages.Count == MaxPages)
                {
                    return null;
                }

                pages.Add(new PageBody([], []));
                top = BodyTopLaterPages;
                placed = Place(blocks[i], size, measure, top);
                if (placed.Bottom > BodyBottom)
                {
                    return null;
                }
            }

            pages[^1].Lines.AddRange(placed.Lines);
            pages[^1].Frames.AddRange(placed.Frames);
            top = placed.Bottom + gap;
        }

        return pages;
    }

    private sealed record Placed(List<LetterLine> Lines, List<LetterBox> Frames, double Bottom);

    private static Placed Place(LetterBlock block, double size, TextMeasure measure, double top) => block switch
    {
        LetterParagraph paragraph => PlaceParagraph(paragraph, size, measure, BodyLeft, BodyRight - BodyLeft, top),
        LetterColumns columns => PlaceColumns(columns, size, measure, top),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "unknown letter block"),
    };

    private static Placed PlaceParagraph(LetterParagraph paragraph, double size, TextMeasure measure, double left, double width, double top)
    {
        var fontSize = Math.Round(size * paragraph.Scale * 2, MidpointRounding.AwayFromZero) / 2;
        var height = measure.LineHeight(paragraph.Bold, fontSize);
        var lines = new List<LetterLine>();
        var textLeft = paragraph.Bullet ? left + BulletIndent : left;
        if (paragraph.Bullet)
        {
            lines.Add(new LetterLine("•", false, fontSize, new LetterBox(left + 1.0, top, measure.Width("•", false, fontSize), height), LetterRegion.Body));
        }

        foreach (var part in measure.Wrap(paragraph.Text, paragraph.Bold, fontSize, width - (textLeft - left)))
        {
            lines.Add(new LetterLine(part, paragraph.Bold, fontSize, new LetterBox(textLeft, top, measure.Width(part, paragraph.Bold, fontSize), height), LetterRegion.Body));
            top += height;
        }

        return new Placed(lines, [], top);
    }

    private static Placed PlaceColumns(LetterColumns columns, double size, TextMeasure measure, double top)
    {
        var columnWidth = (BodyRight - BodyLeft - ColumnGap) / 2;
        var left = Column(columns.Left, BodyLeft);
        var right = Column(columns.Right, BodyLeft + columnWidth + ColumnGap);
        var bottom = Math.Max(left.Bottom, right.Bottom) + FramePadding;
        var frames = new List<LetterBox>
        {
            new(BodyLeft, top, columnWidth, bottom - top),
            new(BodyLeft + columnWidth + ColumnGap, top, columnWidth, bottom - top),
        };
        return new Placed([.. left.Lines, .. right.Lines], frames, bottom);

        Placed Column(IReadOnlyList<LetterParagraph> paragraphs, double x)
        {
            var lines = new List<LetterLine>();
            var y = top + FramePadding;
            foreach (var (paragraph, index) in paragraphs.Select((p, i) => (p, i)))
            {
                var placed = PlaceParagraph(paragraph, size, measure, x + FramePadding, columnWidth - 2 * FramePadding, y);
                lines.AddRange(placed.Lines);
                y = placed.Bottom + (index == 0 ? measure.LineHeight(false, size) * 0.4 : 0);
            }

            return new Placed(lines, [], y);
        }
    }

    private static double FirstLineHeight(LetterBlock block, double size, TextMeasure measure) => block switch
    {
        LetterParagraph p => measure.LineHeight(p.Bold, size * p.Scale),
        _ => measure.LineHeight(false, size) * 3,
    };
}
