using System.Globalization;
using System.Text;
using Pilot.FaultRun.StorageFaults;
using Pilot.IntegrationTests.Vacancies;
using Pilot.Shared.Parents;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.StorageFaults;

/// <summary>
/// Each write of a webhook (ACS's Event Grid delivering a parent's STOP) applied by storage but its answer lost, through
/// the fault proxy in front of Azurite; Event Grid delivers the event again when the answer is not a success. The parent
/// is opted out once and gets one confirmation; a JOBS OFF whose parent write met the same turns alerts off once.
/// </summary>
public sealed class WebhookStorageFaultTests
{
    private const string Key = "webhook-storage-fault-key";

    public static TheoryData<string, string, string> WebhookWrites => new()
    {
        { "the parent's opt-out (their first write in Parents)", "PUT", TableNames.Parents + "(" },
        { "the event's receipt (replay guard)", "POST", TableNames.WebhookReceipts },
        { "the confirmation's text", "POST", TableNames.Texts },
    };

    [Theory]
    [MemberData(nameof(WebhookWrites))]
    public async Task A_stop_whose_webhook_write_was_applied_but_unanswered_opts_out_once_and_is_answered_once(string step, string method, string table)
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = proxy.ConnectionString,
            ["Sms:Acs:EventGridKey"] = Key,
        });
        var parent = await Scenario.ParentAsync(services);
        var now = services.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes($$$"""[{"id":"stop-1","eventTime":"{{{now}}}","eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-1","From":"+447700900123","Message":"STOP"}}]""");
        proxy.Tables.Target(new TargetedFault(method, TablePrefixed(services, table), TargetedFaultKind.AppliedThenDropped));

        var answers = await DeliverAsync(services, body);

        Assert.True(proxy.Counts[StorageService.Tables].AppliedThenFailed == 1, $"{step}: the fault was not met ({string.Join(", ", answers)})");
        Assert.NotNull((await services.Get<ParentStore>().GetAsync(parent, CancellationToken.None))!.OptedOutAt);
        Assert.Single(await services.Get<ParentStore>().ConsentHistoryAsync(parent, CancellationToken.None), c => c.Consent == ParentConsents.OptOut);
        Assert.Single(await Outbox.AllAsync(services));
    }

    [Fact]
    public async Task A_jobs_off_whose_parent_write_was_applied_but_unanswered_turns_alerts_off_once_and_is_answered_once()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = proxy.ConnectionString,
            ["Sms:Acs:EventGridKey"] = Key,
        });
        var parent = await VacancyScenario.JobSeekerAsync(services);
        var before = (await Outbox.AllAsync(services)).Count;
        var now = services.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes($$$"""[{"id":"jobs-off-1","eventTime":"{{{now}}}","eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-2","From":"+447700900123","Message":"JOBS OFF"}}]""");
        proxy.Tables.Target(new TargetedFault("PUT", TablePrefixed(services, TableNames.Parents + "("), TargetedFaultKind.AppliedThenDropped));

        var answers = await DeliverAsync(services, body);

        Assert.True(proxy.Counts[StorageService.Tables].AppliedThenFailed == 1, $"the fault was not met ({string.Join(", ", answers)})");
        Assert.False((await services.Get<ParentStore>().GetAsync(parent, CancellationToken.None))!.AlertsOptIn);
        Assert.Single(await services.Get<ParentStore>().ConsentHistoryAsync(parent, CancellationToken.None), c => c.Consent == ParentConsents.VacancyAlerts && !c.Given);
        Assert.Equal(before + 1, (await Outbox.AllAsync(services)).Count);
    }

    [Fact]
    public async Task A_receipt_whose_text_write_was_applied_but_unanswered_counts_as_applied_and_is_remembered_once()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = proxy.ConnectionString });
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        Assert.Equal(SendOutcome.Sent, await services.Get<TextSender>().SendAsync(confirmation, CancellationToken.None));
        proxy.Tables.Target(new TargetedFault("PUT", TablePrefixed(services, TableNames.Texts + "("), TargetedFaultKind.AppliedThenDropped));
        const string delivery = "twilio|SM1|delivered";

        var outcome = await services.Get<DeliveryReceipts>().ApplyOnceAsync(confirmation.MessageId, SmsDeliveryStatus.Delivered, "outbox", null, delivery, CancellationToken.None);
        var again = await services.Get<DeliveryReceipts>().ApplyOnceAsync(confirmation.MessageId, SmsDeliveryStatus.Delivered, "outbox", null, delivery, CancellationToken.None);

        Assert.True(proxy.Counts[StorageService.Tables].AppliedThenFailed == 1, "the fault was not met");
        Assert.Equal(ReceiptOutcome.Applied, outcome); // the lost answer's write was found, not taken for a replay
        Assert.Equal(ReceiptOutcome.Replayed, again);
        var text = (await services.Get<TextStore>().GetAsync(confirmation, CancellationToken.None))!;
        Assert.Equal(TextStates.Delivered, text.State);
        Assert.Equal(delivery, text.Receipts);
    }

    /// <summary>Event Grid's deliveries: again after anything but a success, as its retry policy does.</summary>
    private static async Task<List<string>> DeliverAsync(PilotServices services, byte[] body)
    {
        var answers = new List<string>();
        for (var delivery = 0; delivery < 3; delivery++)
        {
            try
            {
                var outcome = await services.Get<AcsEventGridWebhook>().HandleAsync(body, Key, CancellationToken.None);
                answers.Add(outcome.Kind.ToString());
                if (outcome.Kind is WebhookOutcomeKind.Accepted or WebhookOutcomeKind.Replayed)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                answers.Add(ex.GetType().Name); // the function fails: Event Grid delivers again
            }
        }

        return answers;
    }

    /// <summary>A table's name as stored, with the test's prefix (so Texts does not also match InboundTexts).</summary>
    private static string TablePrefixed(PilotServices services, string table) =>
        services.Get<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:TablePrefix"] + table;
}
