using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Pilot.Shared.Letters.Layout;

namespace Pilot.Shared.Letters;

/// <summary>
/// Draws a WFI letter as an A4 portrait PDF with PDFsharp, its fonts (DejaVu Sans, embedded in this
/// assembly) embedded as subsets. Lays out first (<see cref="WfiLetterLayout"/>), which refuses anything
/// Notify would refuse, then draws exactly the measured lines. Pure: a letter in, bytes out.
/// </summary>
public sealed class PdfLetterRenderer : ILetterRenderer
{
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public byte[] Render(WfiLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var measure = new TextMeasure();
        var layout = WfiLetterLayout.Lay(letter, measure);
        return Draw(layout);
    }

    /// <summary>Draws a layout that has passed <see cref="LetterLayout.Problems"/>.</summary>
    public static byte[] Draw(LetterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var document = new PdfDocument();
        // No personal data in the document's properties: they are visible in any PDF viewer.
        document.Info.Title = WfiLetterWording.Title;
        document.Info.Author = "Jobcentre Plus";
        document.Options.CompressContentStreams = true;
        var fonts = new Dictionary<(bool, double), XFont>();
        var frame = new XPen(XColors.Black, 0.75);

        foreach (var pageLayout in layout.Pages)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            // Points, not millimetres: in a millimetre unit PDFsharp would read font sizes as millimetres too.
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsUnit.Point);
            foreach (var box in pageLayout.Frames)
            {
                graphics.DrawRectangle(frame, Points(box));
            }

            foreach (var line in pageLayout.Lines)
            {
                if (!fonts.TryGetValue((line.Bold, line.FontSize), out var font))
                {
                    font = new XFont(Fonts.EmbeddedFontResolver.FamilyName, line.FontSize, line.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Embedded);
                    fonts[(line.Bold, line.FontSize)] = font;
                }

                graphics.DrawString(line.Text, font, XBrushes.Black, Points(line.Box), XStringFormats.TopLeft);
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static XRect Points(LetterBox box)
    {
        const double k = NotifyLetterSpec.PointsPerMillimetre;
        return new XRect(box.Left * k, box.Top * k, box.Width * k, box.Height * k);
    }
}
