using System.Globalization;
using Pilot.Shared.Sms.Limits;

namespace Pilot.Shared.UnitTests.Sms;

public sealed class NumberHourTests
{
    private static readonly DateTimeOffset NineFifty = new(2026, 3, 3, 9, 50, 0, TimeSpan.Zero);

    [Fact]
    public void A_slot_counts_for_exactly_sixty_minutes_after_its_claim()
    {
        var hour = new NumberHour([new CapSlot("a", NineFifty)]);

        Assert.Single(hour.CountingAt(NineFifty));
        Assert.Single(hour.CountingAt(NineFifty.AddMinutes(60).AddTicks(-1)));
        Assert.Empty(hour.CountingAt(NineFifty.AddMinutes(60)));
        Assert.True(hour.Holds("a", NineFifty.AddMinutes(59)));
        Assert.False(hour.Holds("a", NineFifty.AddMinutes(60)));
    }

    [Fact]
    public void A_slot_claimed_ahead_of_now_by_another_workers_clock_counts()
    {
        var hour = new NumberHour([new CapSlot("ahead", NineFifty.AddSeconds(2))]);

        Assert.Single(hour.CountingAt(NineFifty));
        Assert.Equal(NineFifty.AddSeconds(2).AddHours(1), hour.NextSlotAt(NineFifty, cap: 1));
    }

    [Fact]
    public void Below_the_cap_a_slot_is_free_now()
    {
        var hour = Claims(9, NineFifty, TimeSpan.FromMinutes(1));

        Assert.Null(hour.NextSlotAt(NineFifty.AddMinutes(9), cap: 10));
    }

    [Fact]
    public void Ten_texts_from_0950_leave_a_text_at_1005_waiting_until_1050_across_the_clock_hour()
    {
        var hour = Claims(10, NineFifty, TimeSpan.FromSeconds(30)); // 09:50:00 to 09:54:30

        Assert.Equal(NineFifty.AddHours(1), hour.NextSlotAt(At("2026-03-03T10:05:00Z"), cap: 10));
        Assert.Equal(NineFifty.AddHours(1), hour.NextSlotAt(At("2026-03-03T10:49:59Z"), cap: 10));
        Assert.Null(hour.NextSlotAt(At("2026-03-03T10:50:00Z"), cap: 10));
        Assert.Equal(At("2026-03-03T10:50:30Z"), hour.Claim("eleventh", At("2026-03-03T10:50:00Z")).NextSlotAt(At("2026-03-03T10:50:00Z"), cap: 10));
    }

    [Fact]
    public void Slots_over_the_cap_from_texts_that_could_not_wait_must_age_out_before_a_slot_frees()
    {
        var hour = Claims(12, NineFifty, TimeSpan.FromMinutes(1)); // two over a cap of ten

        Assert.Equal(NineFifty.AddMinutes(2).AddHours(1), hour.NextSlotAt(NineFifty.AddMinutes(30), cap: 10));
    }

    [Fact]
    public void Claiming_drops_slots_over_an_hour_old_and_moves_the_messages_own_slot_to_now()
    {
        var hour = new NumberHour([new CapSlot("old", NineFifty.AddMinutes(-61)), new CapSlot("repeat", NineFifty.AddMinutes(-30)), new CapSlot("other", NineFifty.AddMinutes(-10))]);

        var claimed = hour.Claim("repeat", NineFifty);

        Assert.Equal([new CapSlot("other", NineFifty.AddMinutes(-10)), new CapSlot("repeat", NineFifty)], claimed.Slots);
    }

    [Fact]
    public void A_number_sent_texts_without_end_keeps_only_its_newest_slots_so_the_row_stays_within_a_table_property()
    {
        var hour = Claims(NumberHour.MostSlotsKept + 50, NineFifty, TimeSpan.FromSeconds(1));
        var longest = new NumberHour([.. Enumerable.Range(0, NumberHour.MostSlotsKept).Select(i => new CapSlot(new string('x', 100), NineFifty))]);

        Assert.Equal(NumberHour.MostSlotsKept, hour.Slots.Count);
        Assert.Equal("m50", hour.CountingAt(NineFifty.AddMinutes(10))[0].MessageId);
        Assert.Equal($"m{NumberHour.MostSlotsKept + 49}", hour.Slots[^1].MessageId);
        Assert.True(longest.Write().Length * sizeof(char) < 64 * 1024, "a row of 100-character message ids would not fit in one column");
    }

    [Fact]
    public void The_column_reads_back_the_slots_it_was_written_from()
    {
        var hour = new NumberHour([new CapSlot("202603030950-a1-v1-confirmation", NineFifty), new CapSlot("reply-twilio-SM 1", new DateTimeOffset(2026, 7, 1, 11, 5, 7, 123, TimeSpan.FromHours(1)))]);

        var read = NumberHour.Read(hour.Write());

        Assert.Equal(hour.Slots, read.Slots);
        Assert.Empty(NumberHour.Read(null).Slots);
        Assert.Empty(NumberHour.Read("").Slots);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1)]
    [InlineData(3)]
    public void Claims_made_whenever_a_slot_is_free_never_put_more_than_the_cap_in_any_sixty_minutes(int cap)
    {
        // Texts asked for at uneven times over five hours, many of them around clock-hour boundaries.
        var random = new Random(7);
        var asks = Enumerable.Range(0, 600)
            .Select(_ => NineFifty.AddSeconds(random.Next(0, 5 * 3600)))
            .Concat(Enumerable.Range(0, 40).Select(i => At("2026-03-03T10:59:50Z").AddSeconds(i / 2)))
            .Order()
            .ToList();
        var hour = NumberHour.Empty;
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < asks.Count; i++)
        {
            if (hour.NextSlotAt(asks[i], cap) is null)
            {
                hour = hour.Claim($"m{i}", asks[i]);
                sent.Add(asks[i]);
            }
        }

        // The fullest 60 minutes start at some send: count the sends in [send, send + 60 min).
        var fullest = sent.Max(start => sent.Count(s => s >= start && s < start + NumberHour.Length));
        Assert.Equal(cap, fullest);
        Assert.True(sent.Count >= cap * 5, $"only {sent.Count} sent: the window held texts back longer than it needed to");
    }

    [Theory]
    [InlineData("2026-03-03T09:05:00Z", "2026-03-03T09:50:00Z", 2700)]
    [InlineData("2026-03-03T09:05:00.2Z", "2026-03-03T09:50:00Z", 2700)]
    [InlineData("2026-03-03T09:04:59.8Z", "2026-03-03T09:50:00Z", 2701)]
    public void A_held_message_waits_whole_seconds_and_never_comes_back_before_the_slot_frees(string now, string fullUntil, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new CapClaim(At(fullUntil)).DelayFrom(At(now)));
        Assert.Equal(TimeSpan.Zero, CapClaim.Taken.DelayFrom(At(now)));
    }

    private static NumberHour Claims(int count, DateTimeOffset first, TimeSpan apart) =>
        Enumerable.Range(0, count).Aggregate(NumberHour.Empty, (hour, i) => hour.Claim($"m{i}", first + apart * i));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
