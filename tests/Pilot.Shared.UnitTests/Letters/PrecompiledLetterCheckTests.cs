using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Pilot.Shared.Letters.Fonts;
using Pilot.Shared.Letters.Layout;

namespace Pilot.Shared.UnitTests.Letters;

public sealed class PrecompiledLetterCheckTests
{
    [Fact]
    public void A4_portrait_pdf_with_embedded_fonts_passes()
    {
        Assert.Empty(PrecompiledLetterCheck.Problems(Pdf(1, PageSize.A4, PageOrientation.Portrait)));
    }

    [Fact]
    public void Landscape_page_is_refused()
    {
        var problem = Assert.Single(PrecompiledLetterCheck.Problems(Pdf(1, PageSize.A4, PageOrientation.Landscape)));
        Assert.Contains("not A4 portrait", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Us_letter_page_is_refused()
    {
        Assert.Contains(PrecompiledLetterCheck.Problems(Pdf(2, PageSize.Letter, PageOrientation.Portrait)), p => p.StartsWith("page 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Ten_pages_pass_and_eleven_are_refused()
    {
        Assert.Empty(PrecompiledLetterCheck.Problems(Pdf(10, PageSize.A4, PageOrientation.Portrait)));
        Assert.Contains("has 11 pages; 1 to 10", PrecompiledLetterCheck.Problems(Pdf(11, PageSize.A4, PageOrientation.Portrait)));
    }

    [Fact]
    public void Bytes_that_are_not_a_pdf_are_refused()
    {
        Assert.Equal(["is not a PDF"], PrecompiledLetterCheck.Problems("hello"u8.ToArray()));
    }

    [Fact]
    public void Truncated_pdf_is_refused_not_thrown()
    {
        var pdf = Pdf(1, PageSize.A4, PageOrientation.Portrait);

        Assert.NotEmpty(PrecompiledLetterCheck.Problems(pdf.AsMemory(0, pdf.Length / 2)));
    }

    private static byte[] Pdf(int pages, PageSize size, PageOrientation orientation)
    {
        EmbeddedFontResolver.Install();
        using var document = new PdfDocument();
        for (var i = 0; i < pages; i++)
        {
            var page = document.AddPage();
            page.Size = size;
            page.Orientation = orientation;
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawString("Page", new XFont(EmbeddedFontResolver.FamilyName, 10), XBrushes.Black, 60, 60);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
