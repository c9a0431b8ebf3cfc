using Pilot.Shared.Venues;

namespace Pilot.Shared.UnitTests.Venues;

public sealed class OpeningTimesTextTests
{
    [Fact]
    public void A_cell_with_ranges_lists_and_two_windows_reads_as_windows()
    {
        var windows = OpeningTimesText.Parse("Mon-Tue, Thu, Fri 09:00-17:00; Wed 10:00-17:00", out var error);

        Assert.Null(error);
        Assert.Equal(2, windows!.Count);
        Assert.Equal(["Mon", "Tue", "Thu", "Fri"], windows[0]!.Days!);
        Assert.Equal(("09:00", "17:00"), (windows[0]!.From, windows[0]!.To));
        Assert.Equal(["Wed"], windows[1]!.Days!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mon-Fri")]
    [InlineData("Mon-Fri 09:00")]
    [InlineData("Fri-Mon 09:00-17:00")]
    public void A_cell_without_days_and_times_is_refused_with_a_reason(string cell)
    {
        Assert.Null(OpeningTimesText.Parse(cell, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Written_windows_read_back_the_same()
    {
        OpeningWindow[] windows = [new(["Mon", "Tue", "Thu", "Fri"], "09:00", "17:00"), new(["Mon", "Wed", "Fri"], "18:00", "20:00")];

        var text = OpeningTimesText.Write(windows);

        Assert.Equal("Mon, Tue, Thu, Fri 09:00-17:00; Mon, Wed, Fri 18:00-20:00", text);
        Assert.Equal("Mon-Fri 08:30-17:00", OpeningTimesText.Write([new(["Mon", "Tue", "Wed", "Thu", "Fri"], "08:30", "17:00")]));
        var read = OpeningTimesText.Parse(text, out _)!;
        Assert.Equal(windows.Select(w => string.Join(',', w.Days)), read.Select(w => string.Join(',', w!.Days!)));
    }
}
