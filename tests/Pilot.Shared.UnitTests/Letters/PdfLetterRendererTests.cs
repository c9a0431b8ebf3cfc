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
    public async Task Letters_rendered_at_once_on_many_threads_all_pass()
    {
        var letters = Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? SampleLetters.Ordinary() : SampleLetters.Crowded()).ToList();

        var pdfs = await Task.WhenAll(letters.Select(letter => Task.Run(() => _renderer.Render(letter))));

        Assert.All(pdfs, pdf => Assert.Empty(PrecompiledLetterCheck.Problems(pdf)));
        Assert.All(pdfs.Where((_, i) => i % 2 == 0), pdf => Assert.Equal(pdfs[0].Length, pdf.Length));
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

    [Theory]
    [InlineData("ordinary")]
    [InlineData("crowded")]
    public void Text_is_drawn_exactly_where_the_layout_measured_it(string name)
    {
        var letter = name == "crowded" ? SampleLetters.Crowded() : SampleLetters.Ordinary();
        var layout = WfiLetterLayout.Lay(letter, new TextMeasure());

        var runs = PdfTextRuns.Read(_renderer.Render(letter));

        var lines = layout.Pages.SelectMany(p => p.Lines.Select(l => (Page: p.Number, Line: l))).ToList();
        Assert.Equal(lines.Count, runs.Count);
        foreach (var (expected, drawn) in lines.Zip(runs))
        {
            Assert.Equal(expected.Page, drawn.Page);
            Assert.Equal(expected.Line.FontSize, drawn.FontSize, 3);
            Assert.Equal(expected.Line.Box.Left, drawn.LeftMm, 2);
            Assert.InRange(drawn.BaselineMm, expected.Line.Box.Top, expected.Line.Box.Bottom);
            Assert.True(NotifyLetterSpec.PrintableArea.Contains(new LetterBox(drawn.LeftMm, drawn.BaselineMm, 0, 0)), $"'{expected.Line.Text}' drawn at {drawn}");
        }
    }
}
