using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.IntegrationTests.Reminders;

/// <summary>The three ways a text could go twice, and the interrupted send that must not be lost.</summary>
public sealed class AtMostOnceTests
{
    [Fact]
    public async Task Overlapping_ticks_queue_a_text_twice_but_it_is_sent_once()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var tomorrow = PilotServices.Morning.AddDays(1).AddHours(1.5); // 10:30 tomorrow: the day-before reminder is due at 10:30 today
        for (var i = 0; i < 3; i++)
        {
            await Scenario.BookAsync(services, parent, tomorrow.AddMinutes(i));
        }

        await SendQueueReader.DrainAsync(services); // the three confirmations
        services.Time.Advance(TimeSpan.FromHours(1.5) + TimeSpan.FromMinutes(3));
        var dispatcher = services.Get<DueReminderDispatcher>();

        var ticks = await Task.WhenAll(dispatcher.DispatchDueAsync(CancellationToken.None), dispatcher.DispatchDueAsync(CancellationToken.None));
        var outcomes = await SendQueueReader.DrainAsync(services);

        Assert.True(ticks.Sum(t => t.Enqueued) >= 3);
        Assert.Equal(3, outcomes.Count(o => o == SendOutcome.Sent));
        var outbox = await Outbox.AllAsync(services);
        Assert.Equal(6, outbox.Count);
        Assert.Equal(3, outbox.Count(e => e.RowKey.EndsWith("-reminder-1d", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_queue_message_delivered_twice_sends_once()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var messages = await SendQueueReader.ReceiveAllAsync(services);
        var confirmation = Assert.Single(messages).Text;
        var sender = services.Get<TextSender>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return await sender.SendAsync(confirmation, CancellationToken.None);
            }
            catch (TextBusyException)
            {
                return (SendOutcome?)null;
            }
        }).Select(async t => (SendOutcome?)await t));
        var again = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(1, results.Count(r => r == SendOutcome.Sent));
        Assert.Equal(SendOutcome.AlreadyDone, again);
        Assert.Single(await Outbox.AllAsync(services));
        var view = await Scenario.ViewAsync(services, booked.Id);
        Assert.Equal(TextStates.Delivered, view.Texts.Single(t => t.Kind == "confirmation").State);
    }

    [Fact]
    public async Task A_send_interrupted_after_the_provider_accepted_it_is_settled_not_repeated()
    {
        var gateway = new InterruptingGateway(crashAfterSend: true);
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();

        // The process "dies" after the provider took the text and before we recorded it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(confirmation, CancellationToken.None));
        Assert.Equal(TextStates.Sending, (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation").State);

        // While the lease runs another worker leaves it alone; once it has run out the send is settled.
        Assert.Equal(SendOutcome.CheckLater, await sender.SendAsync(confirmation, CancellationToken.None));
        services.Time.Advance(TimeSpan.FromMinutes(3));
        var outcome = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.Settled, outcome);
        Assert.Equal(1, gateway.Sends);
        Assert.Single(await Outbox.AllAsync(services));
        Assert.Equal(TextStates.Delivered, (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation").State);
    }

    [Fact]
    public async Task A_send_that_failed_before_the_provider_accepted_it_is_sent_once_on_retry()
    {
        var gateway = new InterruptingGateway(crashAfterSend: false);
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();

        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(confirmation, CancellationToken.None));
        var outcome = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(1, gateway.Sends);
        Assert.Single(await Outbox.AllAsync(services));
        var text = (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation");
        Assert.Equal(TextStates.Delivered, text.State);
    }

    [Fact]
    public async Task A_send_whose_outcome_is_unknown_is_not_resent_and_is_settled_by_the_receipt()
    {
        var gateway = new InterruptingGateway(crashAfterSend: true, unknownOutcome: true);
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();

        var first = await sender.SendAsync(confirmation, CancellationToken.None);
        services.Time.Advance(TimeSpan.FromMinutes(1));
        var retry = await sender.SendAsync(confirmation, CancellationToken.None);
        var applied = await services.Get<DeliveryReceipts>().ApplyAsync(confirmation.MessageId, SmsDeliveryStatus.Delivered, "outbox", null, CancellationToken.None);
        var late = await services.Get<DeliveryReceipts>().ApplyAsync(confirmation.MessageId, SmsDeliveryStatus.Sent, "outbox", null, CancellationToken.None);
        var after = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.CheckLater, first);
        Assert.Equal(SendOutcome.CheckLater, retry);
        Assert.True(applied);
        Assert.False(late);
        Assert.Equal(SendOutcome.AlreadyDone, after);
        Assert.Equal(1, gateway.Sends);
        Assert.Equal(TextStates.Delivered, (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation").State);
        var queue = await services.Get<Pilot.Shared.Storage.StorageClients>().QueueAsync(services.InteractiveSendQueue);
        Assert.Equal(3, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount); // the message being handled and two delayed checks
    }

    /// <summary>Fails the first send: after passing it to the provider (a crash) or before (a transport error).</summary>
    private sealed class InterruptingGateway(bool crashAfterSend, bool unknownOutcome = false)
    {
        private readonly bool _crashAfterSend = crashAfterSend;
        private readonly bool _unknownOutcome = unknownOutcome;
        private int _calls;

        public int Sends { get; private set; }

        public ISmsGateway Wrap(ISmsGateway inner) => new Wrapper(this, inner);

        private sealed class Wrapper(InterruptingGateway owner, ISmsGateway inner) : ISmsGateway
        {
            public string Name => inner.Name;

            public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
            {
                var first = Interlocked.Increment(ref owner._calls) == 1;
                if (first && !owner._crashAfterSend)
                {
                    throw new HttpRequestException("connection refused (simulated)");
                }

                var result = await inner.SendAsync(message, cancellationToken);
                owner.Sends++;
                if (first && owner._unknownOutcome)
                {
                    throw new SmsOutcomeUnknownException("simulated", TimeSpan.FromMinutes(5), null);
                }

                if (first)
                {
                    throw new OperationCanceledException("process killed after the provider accepted the text (simulated)");
                }

                return result;
            }

            public Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken) => inner.FindAsync(messageId, cancellationToken);
        }
    }
}
