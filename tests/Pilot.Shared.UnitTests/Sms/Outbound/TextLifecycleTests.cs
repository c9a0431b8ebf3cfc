using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.UnitTests.Sms.Outbound;

/// <summary>The text's named state changes keep to <see cref="TextStates.CanMove"/> and refuse every other move.</summary>
public sealed class TextLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(120);

    [Fact]
    public void A_text_goes_scheduled_queued_sending_sent_delivered()
    {
        var text = new TextEntity { RowKey = "t" };
        text.MarkQueued(Now);
        text.BeginSending("+447700900123", "hello", Now, Lease);
        var sending = (text.State, text.Attempts, text.NextAttemptAt);
        text.Record(new SmsSendResult("outbox", "m1", SmsDeliveryStatus.Sent, 1, SmsEncoding.Gsm7, Now), 0.03m, Now);
        text.ApplyReceipt(SmsDeliveryStatus.Delivered, "outbox", "m1", Now.AddSeconds(5));

        Assert.Equal((TextStates.Sending, 1, (DateTimeOffset?)(Now + Lease)), sending);
        Assert.Equal(TextStates.Delivered, text.State);
        Assert.Null(text.NextAttemptAt);
        Assert.Equal(Now.AddSeconds(5), text.CompletedAt);
    }

    [Fact]
    public void A_text_with_the_provider_cannot_be_cancelled_unless_no_provider_took_it()
    {
        var text = new TextEntity { RowKey = "t" };
        text.BeginSending("+447700900123", "hello", Now, Lease);

        Assert.Throws<InvalidOperationException>(() => text.Cancel("no-consent", Now));
        text.CancelNeverAccepted("no-consent", Now);
        Assert.Equal(TextStates.Cancelled, text.State);
    }

    [Fact]
    public void A_text_sent_cannot_be_sent_again_nor_moved_back()
    {
        var text = new TextEntity { RowKey = "t" };
        text.BeginSending("+447700900123", "hello", Now, Lease);
        text.Record(new SmsSendResult("outbox", "m1", SmsDeliveryStatus.Sent, 1, SmsEncoding.Gsm7, Now), 0.03m, Now);

        Assert.Throws<InvalidOperationException>(() => text.BeginSending("+447700900123", "hello", Now, Lease));
        Assert.Throws<InvalidOperationException>(() => text.BeginRepeat(Now, Lease));
        Assert.Throws<InvalidOperationException>(() => text.ReturnToSchedule(Now));
        Assert.Throws<InvalidOperationException>(() => text.CancelNeverAccepted("late", Now));
    }

    [Fact]
    public void A_repeat_stays_sending_and_counts_a_new_attempt()
    {
        var text = new TextEntity { RowKey = "t" };
        text.BeginSending("+447700900123", "hello", Now, Lease);
        text.BeginRepeat(Now.AddMinutes(5), Lease);

        Assert.Equal((TextStates.Sending, 2, (DateTimeOffset?)Now.AddMinutes(5) + Lease), (text.State, text.Attempts, text.NextAttemptAt));
    }

    [Theory]
    [InlineData(TextStates.Scheduled, TextStates.Sent)]
    [InlineData(TextStates.Queued, TextStates.Delivered)]
    [InlineData(TextStates.Delivered, TextStates.Failed)]
    [InlineData(TextStates.Cancelled, TextStates.Sending)]
    [InlineData(TextStates.Sent, TextStates.Sending)]
    [InlineData(TextStates.Sending, TextStates.Queued)]
    public void Moves_the_lifecycle_does_not_list_are_refused(string from, string to)
    {
        Assert.False(TextStates.CanMove(from, to));
    }
}
