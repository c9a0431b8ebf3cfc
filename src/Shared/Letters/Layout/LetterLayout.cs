namespace Pilot.Shared.Letters.Layout;

/// <summary>Which part of the letter a line belongs to; the rules for where it may sit differ.</summary>
public enum LetterRegion
{
    /// <summary>The office's address, the date and the reference, top right of page 1.</summary>
    ServiceAddress,

    /// <summary>The parent's name and address, in the envelope window on page 1.</summary>
    RecipientAddress,
    Body,
    Footer,
}

/// <summary>One line of text as it will be printed: its measured box (mm), font size (pt) and weight.</summary>
public sealed record LetterLine(string Text, bool Bold, double FontSize, LetterBox Box, LetterRegion Region);

public sealed record LetterPageLayout(int Number, IReadOnlyList<LetterLine> Lines, IReadOnlyList<LetterBox> Frames);

/// <summary>
/// A letter laid out and measured, before it is drawn. <see cref="Problems"/> holds it to Notify's
/// precompiled-letter rules, so a layout that would be refused is never drawn.
/// </summary>
public sealed record LetterLayout(IReadOnlyList<LetterPageLayout> Pages)
{
    public IEnumerable<LetterLine> AllLines => Pages.SelectMany(p => p.Lines);

    /// <summary>Every way this layout breaks <see cref="NotifyLetterSpec"/>; empty when it passes.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Pages.Count is 0 or > NotifyLetterSpec.MaxPages)
        {
            problems.Add($"has {Pages.Count} pages; a letter has 1 to {NotifyLetterSpec.MaxPages}");
        }

        foreach (var page in Pages)
        {
            foreach (var line in page.Lines)
            {
                if (!NotifyLetterSpec.PrintableArea.Contains(line.Box))
                {
                    problems.Add($"page {page.Number}: a {line.Region} line lies outside the printable area");
                }

                var inWindow = page.Number == 1 && line.Region == LetterRegion.RecipientAddress;
                if (inWindow && !NotifyLetterSpec.AddressBlock.Contains(line.Box))
                {
                    problems.Add($"page {page.Number}: an address line lies outside the envelope window");
                }

                if (line.Region == LetterRegion.RecipientAddress && page.Number != 1)
                {
                    problems.Add($"page {page.Number}: the address is printed on page 1 only");
                }

                if (!inWindow && page.Number == 1 && line.Box.Overlaps(NotifyLetterSpec.AddressBlock))
                {
                    problems.Add($"page 1: a {line.Region} line intrudes on the envelope window");
                }

                if (page.Number == 1 && line.Region == LetterRegion.ServiceAddress && !NotifyLetterSpec.ServiceAddressBlock.Contains(line.Box))
                {
                    problems.Add("page 1: the office's address lies outside its block");
                }

                if (page.Number == 1 && line.Region == LetterRegion.Body && line.Box.Top < NotifyLetterSpec.BodyTopPageOne)
                {
                    problems.Add("page 1: the body starts above the address area's end");
                }
            }

            foreach (var frame in page.Frames)
            {
                if (!NotifyLetterSpec.PrintableArea.Contains(frame))
                {
                    problems.Add($"page {page.Number}: a frame lies outside the printable area");
                }

                if (page.Number == 1 && frame.Overlaps(NotifyLetterSpec.AddressBlock))
                {
                    problems.Add("page 1: a frame intrudes on the envelope window");
                }
            }
        }

        return problems;
    }
}
