using Pilot.Shared.WfiInvitations.TakeUp;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class TakeUpChartTests
{
    private static WfiTakeUpGroup Group(string key, int sent, int answered, int centre, int defaulted, int attended)
        => new(key, key, sent, sent, new WfiAnswered(answered, answered, 0, 0), centre, null, defaulted, 0, new WfiAttendance(attended, 0, 0));

    [Fact]
    public void Every_bar_is_as_tall_as_its_figure_on_one_scale_from_zero()
    {
        var chart = TakeUpChart.Draw([Group("a", 13, 9, 6, 2, 0), Group("b", 4, 4, 4, 0, 1)]);

        Assert.Equal(15, chart.ScaleMax);
        Assert.Equal(10, chart.Bars.Count);
        Assert.All(chart.Bars, b => Assert.Equal(b.Value * TakeUpChart.PlotHeight / chart.ScaleMax, b.Height, 2));
        Assert.All(chart.Bars, b => Assert.Equal(chart.PlotBottom, b.Y + b.Height, 2));
        Assert.Equal(0, chart.Bars.Single(b => b.GroupKey == "a" && b.Series.Key == "attended").Height);
        Assert.Equal(chart.Bars.Single(b => b.GroupKey == "b" && b.Series.Key == "sent").Height, chart.Bars.Single(b => b.GroupKey == "b" && b.Series.Key == "chose-centre").Height);
    }

    [Fact]
    public void Bars_do_not_overlap_and_stand_in_group_order()
    {
        var chart = TakeUpChart.Draw([Group("a", 1, 1, 1, 1, 1), Group("b", 2, 2, 2, 2, 2), Group("c", 3, 3, 3, 3, 3)]);
        var ordered = chart.Bars.OrderBy(b => b.X).ToList();
        Assert.Equal(chart.Bars, ordered);
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.X + pair.First.Width <= pair.Second.X));
    }

    [Fact]
    public void With_no_invitations_the_chart_has_a_scale_and_no_bars()
    {
        var chart = TakeUpChart.Draw([]);
        Assert.Empty(chart.Bars);
        Assert.Equal(1, chart.ScaleMax);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(14, 5)]
    [InlineData(26, 10)]
    [InlineData(240, 50)]
    public void The_scale_steps_are_one_two_or_five_times_a_power_of_ten(int max, int step) => Assert.Equal(step, TakeUpChart.Step(max));
}
