using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Pilot.Shared.Letters.Fonts;

namespace Pilot.Shared.Letters.Layout;

/// <summary>
/// Opens a finished PDF and checks what GOV.UK Notify checks of a precompiled letter before it prints
/// it: a PDF at all, at most 2 MB, 1 to 10 pages, every page A4 portrait, every font embedded. (Where
/// the content sits is proved on the layout before drawing: <see cref="LetterLayout.Problems"/>.)
/// </summary>
public static class PrecompiledLetterCheck
{
    // PDF user space is in points; allow 1 pt for rounding in the producer.
    private const double A4WidthPoints = NotifyLetterSpec.PageWidth * NotifyLetterSpec.PointsPerMillimetre;
    private const double A4HeightPoints = NotifyLetterSpec.PageHeight * NotifyLetterSpec.PointsPerMillimetre;
    private const double TolerancePoints = 1.0;

    /// <summary>Every rule the PDF breaks; empty when Notify would accept it.</summary>
    public static IReadOnlyList<string> Problems(ReadOnlyMemory<byte> pdf)
    {
        var problems = new List<string>();
        if (pdf.Length > NotifyLetterSpec.MaxBytes)
        {
            problems.Add($"is {pdf.Length} bytes; at most {NotifyLetterSpec.MaxBytes}");
        }

        if (!pdf.Span.StartsWith("%PDF-"u8))
        {
            problems.Add("is not a PDF");
            return problems;
        }

        EmbeddedFontResolver.Install();
        PdfDocument document;
        try
        {
            using var stream = new MemoryStream(pdf.ToArray(), writable: false);
            document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PDFsharp reports a malformed file with a plain Exception (e.g. "StartXRef table could not be found").
            problems.Add($"cannot be read as a PDF ({ex.GetType().Name})");
            return problems;
        }

        using (document)
        {
            if (document.PageCount is 0 or > NotifyLetterSpec.MaxPages)
            {
                problems.Add($"has {document.PageCount} pages; 1 to {NotifyLetterSpec.MaxPages}");
            }

            for (var i = 0; i < document.PageCount; i++)
            {
                var page = document.Pages[i];
                var box = page.MediaBox;
                var rotated = page.Rotate % 180 != 0;
                var width = rotated ? box.Height : box.Width;
                var height = rotated ? box.Width : box.Height;
                if (Math.Abs(width - A4WidthPoints) > TolerancePoints || Math.Abs(height - A4HeightPoints) > TolerancePoints)
                {
                    problems.Add($"page {i + 1} is {width:0.#} x {height:0.#} pt, not A4 portrait ({A4WidthPoints:0.#} x {A4HeightPoints:0.#})");
                }

                problems.AddRange(UnembeddedFonts(page).Select(name => $"page {i + 1} uses font {name} without embedding it"));
            }
        }

        return problems;
    }

    private static IEnumerable<string> UnembeddedFonts(PdfPage page)
    {
        var fonts = page.Resources.Elements.GetDictionary("/Font");
        if (fonts is null)
        {
            yield break;
        }

        foreach (var key in fonts.Elements.Keys)
        {
            if (fonts.Elements.GetDictionary(key) is not { } font)
            {
                continue;
            }

            // A composite (Type0) font keeps its descriptor on its descendant font.
            var described = font.Elements.GetArray("/DescendantFonts") is { Elements.Count: > 0 } descendants
                ? descendants.Elements.GetDictionary(0) ?? font
                : font;
            var descriptor = described.Elements.GetDictionary("/FontDescriptor");
            var embedded = descriptor is not null
                && (descriptor.Elements.ContainsKey("/FontFile") || descriptor.Elements.ContainsKey("/FontFile2") || descriptor.Elements.ContainsKey("/FontFile3"));
            if (!embedded)
            {
                yield return font.Elements.GetName("/BaseFont");
            }
        }
    }
}
