using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Costs;

namespace Pilot.Shared.UnitTests.Sms.Costs;

public sealed class SmsCostTests
{
    [Fact]
    public void Default_price_is_notify_rate_of_1_97p_per_fragment()
    {
        Assert.Equal(0.0197m, new SmsOptions().PricePerFragment);
    }

    [Theory]
    [InlineData(1, "0.0197")]
    [InlineData(2, "0.0394")]
    [InlineData(6, "0.1182")]
    [InlineData(0, "0")]
    public void A_text_costs_its_fragments_times_the_price(int fragments, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SmsPrice.Of(fragments, 0.0197m));
    }

    [Fact]
    public void Recorded_double_cost_sums_back_to_exact_pence()
    {
        // Table storage keeps the cost as a double; 1,000 one-fragment texts still come to exactly 19.70.
        var total = Enumerable.Repeat((double)SmsPrice.Of(1, 0.0197m), 1000).Sum(d => Math.Round((decimal)d, 6));
        Assert.Equal(19.70m, total);
    }

    [Theory]
    [InlineData("2026-03-03", "202603030000", "202603040000")] // GMT: 24 hours
    [InlineData("2026-07-14", "202607132300", "202607142300")] // BST: the London day starts at 23:00 UTC
    [InlineData("2026-03-29", "202603290000", "202603292300")] // spring forward: 23 hours
    [InlineData("2026-10-25", "202610242300", "202610260000")] // fall back: 25 hours
    public void A_london_day_is_its_range_of_utc_due_minute_partitions(string date, string from, string to)
    {
        Assert.Equal((from, to), SmsCostReport.Buckets(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
