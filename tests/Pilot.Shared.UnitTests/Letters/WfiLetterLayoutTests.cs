using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Layout;

namespace Pilot.Shared.UnitTests.Letters;

public sealed class WfiLetterLayoutTests
{
    private readonly TextMeasure _measure = new();

    public static TheoryData<string> Letters => ["ordinary", "crowded"];

    private static WfiLetter Sample(string name) => name == "crowded" ? SampleLetters.Crowded() : SampleLetters.Ordinary();

    [Theory]
    [MemberData(nameof(Letters))]
    public void Every_line_and_frame_lies_inside_notifys_printable_area(string name)
    {
        var layout = WfiLetterLayout.Lay(Sample(name), _measure);

        Assert.All(layout.AllLines, line => Assert.True(NotifyLetterSpec.PrintableArea.Contains(line.Box), $"'{line.Text}' at {line.Box}"));
        Assert.All(layout.Pages.SelectMany(p => p.Frames), frame => Assert.True(NotifyLetterSpec.PrintableArea.Contains(frame), $"{frame}"));
        Assert.Empty(layout.Problems());
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Address_is_in_the_envelope_window_and_nothing_else_is(string name)
    {
        var letter = Sample(name);
        var layout = WfiLetterLayout.Lay(letter, _measure);
        var page1 = layout.Pages[0].Lines;

        var address = page1.Where(l => l.Region == LetterRegion.RecipientAddress).ToList();
        Assert.Equal(letter.To.Lines, address.Select(l => l.Text));
        Assert.All(address, l => Assert.True(NotifyLetterSpec.AddressBlock.Contains(l.Box), $"{l.Box}"));
        Assert.All(page1.Where(l => l.Region != LetterRegion.RecipientAddress), l => Assert.False(NotifyLetterSpec.AddressBlock.Overlaps(l.Box), $"'{l.Text}'"));
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Lines_never_overlap_each_other(string name)
    {
        var layout = WfiLetterLayout.Lay(Sample(name), _measure);

        foreach (var page in layout.Pages)
        {
            var lines = page.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                for (var j = i + 1; j < lines.Count; j++)
                {
                    Assert.False(lines[i].Box.Overlaps(lines[j].Box), $"page {page.Number}: '{lines[i].Text}' overlaps '{lines[j].Text}'");
                }
            }
        }
    }

    [Fact]
    public void Crowded_letter_takes_two_pages_with_numbered_footers()
    {
        var layout = WfiLetterLayout.Lay(SampleLetters.Crowded(), _measure);

        Assert.Equal(2, layout.Pages.Count);
        Assert.Contains(layout.Pages[1].Lines, l => l.Region == LetterRegion.Footer && l.Text.EndsWith("Page 2 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_letter_says_what_the_issue_asks_for()
    {
        var letter = SampleLetters.Ordinary();
        var text = string.Join(" ", WfiLetterLayout.Lay(letter, _measure).AllLines.Select(l => l.Text));

        Assert.Contains("Thursday 26 November 2026", text, StringComparison.Ordinal); // the date
        Assert.Contains("Reference: WFI-2026-000123", text, StringComparison.Ordinal);
        Assert.Contains("Brixton Jobcentre Plus", text, StringComparison.Ordinal);
        Assert.Contains("Stockwell Children's Centre", text, StringComparison.Ordinal);
        Assert.Contains("Tuesday 8 December 2026 at 10:30am", text, StringComparison.Ordinal); // UTC 10:30 is 10:30 GMT
        Assert.Contains("Wednesday 9 December 2026 at 1pm", text, StringComparison.Ordinal);
        Assert.Contains("Crèche", text, StringComparison.Ordinal);
        Assert.Contains("Child-friendly room", text, StringComparison.Ordinal);
        Assert.Contains("Text 1 (Jobcentre) or 2 (children's centre) to 07700 900123", text, StringComparison.Ordinal);
        Assert.Contains("https://pilot.example.org/c/Ab3dE9", text, StringComparison.Ordinal);
        Assert.Contains("0800 169 0190", text, StringComparison.Ordinal);
        Assert.Contains("Please choose by Thursday 3 December 2026.", text, StringComparison.Ordinal);
        Assert.Contains("your interview will be at the Jobcentre", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summer_times_are_printed_in_british_summer_time()
    {
        Assert.Equal("10:30am", WfiLetterWording.Time(new DateTimeOffset(2026, 6, 1, 9, 30, 0, TimeSpan.Zero)));
        Assert.Equal("midday", WfiLetterWording.Time(new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Body_too_long_for_two_pages_is_refused_not_cut()
    {
        var letter = SampleLetters.Ordinary() with
        {
            Centre = SampleLetters.Ordinary().Centre with { Offers = [.. Enumerable.Repeat("A very long description of something the centre offers to parents", 60)] },
        };

        Assert.Throws<LetterLayoutException>(() => WfiLetterLayout.Lay(letter, _measure));
    }
}
