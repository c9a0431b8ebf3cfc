using PdfSharp.Pdf.IO;
using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Layout;

namespace Pilot.Shared.UnitTests.Letters;

public sealed class PdfLetterRendererTests
{
    private readonly PdfLetterRenderer _renderer = new();

    [Fact]
    public void Ordinary_letter_passes_notifys_precompiled_checks()
    {
        var pdf = _renderer.Render(SampleLetters.Ordinary());

        Assert.Empty(PrecompiledLetterCheck.Problems(pdf));
        Assert.InRange(pdf.Length, 1_000, 200_000);
    }

    [Fact]
    public void Ordinary_letter_fits_one_page()
    {
        using var document = PdfReader.Open(new MemoryStream(_renderer.Render(SampleLetters.Ordinary())), PdfDocumentOpenMode.Import);

        Assert.Equal(1, document.PageCount);
    }

    [Fact]
    public void Crowded_letter_still_fits_in_two_pages_and_passes()
    {
        var pdf = _renderer.Render(SampleLetters.Crowded());

        Assert.Empty(PrecompiledLetterCheck.Problems(pdf));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.InRange(document.PageCount, 1, WfiLetterLayout.MaxPages);
    }

    [Fact]
    public void Fonts_are_embedded_not_left_to_the_printer()
    {
        var pdf = _renderer.Render(SampleLetters.Ordinary());

        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_is_deterministic_in_its_layout()
    {
        var measure = new TextMeasure();
        Assert.Equal(
            WfiLetterLayout.Lay(SampleLetters.Crowded(), measure).AllLines.Select(l => (l.Text, l.Box)),
            WfiLetterLayout.Lay(SampleLetters.Crowded(), measure).AllLines.Select(l => (l.Text, l.Box)));
    }
}
