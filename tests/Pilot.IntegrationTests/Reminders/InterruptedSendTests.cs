using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.IntegrationTests.Reminders;

/// <summary>
/// Sends the fault-injection run found wanting: a send interrupted before any provider took the text is
/// a new send, so the send-time rules apply to it again; a text every provider fails is retried, not
/// stranded; and a second provider message for one text is flagged.
/// </summary>
public sealed class InterruptedSendTests
{
    [Fact]
    public async Task A_text_interrupted_before_any_provider_took_it_is_not_repeated_to_a_parent_who_opted_out_since()
    {
        var gateway = new FirstSendFails();
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(confirmation, CancellationToken.None));

        await services.Get<ParentConsents>().OptOutAsync(parent, "sms-twilio", CancellationToken.None);
        var outcome = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.Cancelled, outcome);
        Assert.Equal(0, gateway.Sends);
        Assert.Empty(await Outbox.AllAsync(services));
        var text = (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation");
        Assert.Equal(TextStates.Cancelled, text.State);
        Assert.Equal("no-consent", text.CancelReason);
    }

    [Fact]
    public async Task An_alert_interrupted_before_any_provider_took_it_is_repeated_not_cancelled_for_want_of_an_appointment()
    {
        var gateway = new FirstSendFails();
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        await Pilot.IntegrationTests.Vacancies.VacancyScenario.JobSeekerAsync(services);
        await Pilot.IntegrationTests.Vacancies.VacancyScenario.PostAsync(services, Pilot.IntegrationTests.Vacancies.VacancyScenario.Vacancy("V-1"));
        await Pilot.IntegrationTests.Vacancies.VacancyScenario.PlanAsync(services);
        var alert = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(alert, CancellationToken.None));

        var outcome = await sender.SendAsync(alert, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome); // the fault run saw these cancelled "appointment-missing": alerts have no appointment
        Assert.Equal(1, gateway.Sends);
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task A_text_interrupted_before_quiet_hours_is_repeated_when_they_end_not_inside_them()
    {
        var gateway = new FirstSendFails();
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(confirmation, CancellationToken.None));

        services.Time.Advance(TimeSpan.FromHours(12.5)); // 21:30 London: quiet hours
        var inQuietHours = await sender.SendAsync(confirmation, CancellationToken.None);
        var stateThen = (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation").State;
        services.Time.Advance(TimeSpan.FromHours(10.5) + TimeSpan.FromMinutes(1)); // 08:01 the next morning: the delayed look
        var afterQuietHours = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.Deferred, inQuietHours);
        Assert.Equal(TextStates.Sending, stateThen);
        Assert.Equal(SendOutcome.Sent, afterQuietHours);
        Assert.Equal(1, gateway.Sends);
        Assert.Single(await Outbox.AllAsync(services));
        Assert.True(gateway.LastSendAt >= PilotServices.Morning.AddDays(1).AddHours(-1), $"repeated at {gateway.LastSendAt:u}, inside quiet hours");
    }

    [Fact]
    public async Task A_text_interrupted_while_its_number_is_full_keeps_its_id_and_is_repeated_as_the_next_slot_frees()
    {
        var gateway = new FirstSendFails();
        await using var services = await PilotServices.StartAsync(
            s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))),
            new Dictionary<string, string?> { ["Sms:MaxPerNumberPerHour"] = "1" });
        var parent = await Scenario.ParentAsync(services);
        var interrupted = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(confirmation, CancellationToken.None)); // its slot, claimed at 09:00, counts until 10:00

        services.Time.Advance(TimeSpan.FromMinutes(61)); // 10:01: another text takes the one slot until 11:01
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3));
        var other = await SendQueueReader.DrainAsync(services);
        var whileFull = await sender.SendAsync(confirmation, CancellationToken.None);
        var stateThen = (await Scenario.ViewAsync(services, interrupted.Id)).Texts.Single(t => t.Kind == "confirmation").State;
        services.Time.SetUtcNow(PilotServices.Morning.AddMinutes(121).AddSeconds(-1)); // 11:00:59
        var justBefore = await sender.SendAsync(confirmation, CancellationToken.None);
        services.Time.Advance(TimeSpan.FromSeconds(1)); // 11:01:00, when the delayed message comes back
        var whenFree = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal([SendOutcome.Sent], other);
        Assert.Equal(SendOutcome.HeldForHourlyCap, whileFull);
        Assert.Equal(TextStates.Sending, stateThen); // kept with its message id, as in quiet hours
        Assert.Equal(SendOutcome.CheckLater, justBefore);
        Assert.Equal(SendOutcome.Sent, whenFree);
        Assert.Equal(PilotServices.Morning.AddMinutes(121), gateway.LastSendAt);
        Assert.Equal(2, gateway.Sends);
        Assert.Single(await Outbox.AllAsync(services), o => o.RowKey == confirmation.MessageId);
    }

    [Fact]
    public async Task A_look_up_that_fails_while_another_message_moves_the_text_on_reads_it_again_and_does_not_fail_its_message()
    {
        // Found by ./faults.sh (5 December, 11:38 UTC): two messages for one interrupted text, the providers failing one's
        // look-up while the other put the text off; the first's write was refused and its message failed, five times,
        // into the poison queue.
        var meanwhile = new List<Func<Task>>();
        var gateway = new FirstSendFails(failFirstFind: true, beforeFailedFind: () => meanwhile[0]());
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var store = services.Get<TextStore>();
        var putOffUntil = services.Time.GetUtcNow().AddMinutes(1);
        meanwhile.Add(async () =>
        {
            var row = (await store.GetAsync(confirmation, CancellationToken.None))!;
            row.LookAgainOn(putOffUntil);
            Assert.True(await store.TryReplaceAsync(row, CancellationToken.None));
        });
        var sender = services.Get<TextSender>();
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(confirmation, CancellationToken.None));

        var report = await sender.SendAndReportAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.CheckLater, report.Outcome);
        Assert.Equal(putOffUntil, report.Until);
        var text = (await store.GetAsync(confirmation, CancellationToken.None))!;
        Assert.Equal(TextStates.Sending, text.State);
        Assert.Equal(putOffUntil, text.NextAttemptAt);
        services.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SendOutcome.Sent, await sender.SendAsync(confirmation, CancellationToken.None));
        Assert.Equal(1, gateway.Sends);
    }

    [Fact]
    public async Task A_receipt_naming_a_second_provider_message_flags_the_text_as_a_suspected_duplicate()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        Assert.Equal(SendOutcome.Sent, await services.Get<TextSender>().SendAsync(confirmation, CancellationToken.None));
        var texts = services.Get<TextStore>();
        var recorded = (await texts.GetAsync(confirmation, CancellationToken.None))!.ProviderMessageId;
        var receipts = services.Get<DeliveryReceipts>();

        await receipts.ApplyAsync(confirmation.MessageId, SmsDeliveryStatus.Delivered, "outbox", recorded, CancellationToken.None);
        var afterSameMessage = (await texts.GetAsync(confirmation, CancellationToken.None))!.DuplicateSuspected;
        await receipts.ApplyAsync(confirmation.MessageId, SmsDeliveryStatus.Delivered, "outbox", "second-message", CancellationToken.None);
        var text = (await texts.GetAsync(confirmation, CancellationToken.None))!;

        Assert.False(afterSameMessage);
        Assert.True(text.DuplicateSuspected);
        Assert.Equal(recorded, text.ProviderMessageId);
        Assert.Equal(TextStates.Delivered, text.State);
    }

    [Fact]
    public async Task A_text_every_provider_fails_is_retried_by_a_delayed_message_and_fails_technically_after_four_hours()
    {
        var gateway = new EveryProviderFails();
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(gateway)));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();

        var first = await sender.SendAsync(confirmation, CancellationToken.None);
        var tooSoon = await sender.SendAsync(confirmation, CancellationToken.None);
        services.Time.Advance(TimeSpan.FromSeconds(31));
        var second = await sender.SendAsync(confirmation, CancellationToken.None);
        var stateThen = (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation").State;
        services.Time.Advance(TextSender.TechnicalRetryPeriod);
        var last = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, first);
        Assert.Equal(SendOutcome.CheckLater, tooSoon);
        Assert.Equal(SendOutcome.RetryLater, second);
        Assert.Equal(TextStates.Sending, stateThen);
        Assert.Equal(SendOutcome.Failed, last);
        Assert.Equal(3, gateway.Calls);
        var text = (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation");
        Assert.Equal(TextStates.Failed, text.State);
        Assert.Equal("technical-failure", text.FailureReason);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_asked_about_an_interrupted_text_is_asked_again_later_without_failing_the_message()
    {
        var gateway = new FirstSendFails(failFirstFind: true);
        await using var services = await PilotServices.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => gateway.Wrap(sp.GetRequiredService<OutboxSmsGateway>()))));
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var sender = services.Get<TextSender>();
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(confirmation, CancellationToken.None));

        var askFailed = await sender.SendAsync(confirmation, CancellationToken.None);
        var tooSoon = await sender.SendAsync(confirmation, CancellationToken.None);
        services.Time.Advance(TimeSpan.FromSeconds(31));
        var askedAgain = await sender.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.CheckLater, askFailed);
        Assert.Equal(SendOutcome.CheckLater, tooSoon);
        Assert.Equal(SendOutcome.Sent, askedAgain);
        Assert.Equal(1, gateway.Sends);
        Assert.Equal(TextStates.Delivered, (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "confirmation").State);
    }

    /// <summary>Every provider fails every send technically, as the failover gateway reports it.</summary>
    private sealed class EveryProviderFails : ISmsGateway
    {
        public int Calls { get; private set; }

        public string Name => "twilio,acs";

        public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            throw new Pilot.Shared.Sms.Resilience.SmsProviderException("failover", $"every provider ({Name}) failed message {message.MessageId}", isTransient: false);
        }

        public Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken) => Task.FromResult<SmsSendResult?>(null);
    }

    /// <summary>
    /// The first send fails before reaching the provider (connection refused); later ones go through. With
    /// <c>failFirstFind</c>, the first look-up fails too, after <c>beforeFailedFind</c> has run.
    /// </summary>
    private sealed class FirstSendFails(bool failFirstFind = false, Func<Task>? beforeFailedFind = null)
    {
        private int _calls;
        private int _finds;

        public int Sends { get; private set; }

        public DateTimeOffset LastSendAt { get; private set; }

        private bool FailFirstFind { get; } = failFirstFind;

        private Func<Task>? BeforeFailedFind { get; } = beforeFailedFind;

        public ISmsGateway Wrap(OutboxSmsGateway inner) => new Wrapper(this, inner);

        private sealed class Wrapper(FirstSendFails owner, OutboxSmsGateway inner) : ISmsGateway
        {
            public string Name => inner.Name;

            public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref owner._calls) == 1)
                {
                    throw new HttpRequestException("connection refused (simulated)");
                }

                var result = await inner.SendAsync(message, cancellationToken);
                owner.Sends++;
                owner.LastSendAt = result.AcceptedAt;
                return result;
            }

            public async Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken)
            {
                if (owner.FailFirstFind && Interlocked.Increment(ref owner._finds) == 1)
                {
                    if (owner.BeforeFailedFind is { } meanwhile)
                    {
                        await meanwhile();
                    }

                    throw new HttpRequestException("503 from the provider's list endpoint (simulated)");
                }

                return await inner.FindAsync(messageId, cancellationToken);
            }
        }
    }
}
