using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pilot.ProviderSimulators;
using Pilot.ProviderSimulators.Faults;
using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Notify;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.IntegrationTests.WfiInvitations;

/// <summary>
/// Letter jobs when GOV.UK Notify and the SMS providers fail (the fault run found both): the real services on
/// Azurite, Notify, Twilio and ACS over HTTP to the simulators, all on one fake clock.
/// </summary>
public sealed class WfiLetterJobFaultTests : IAsyncLifetime
{
    /// <summary>Reminders:SendingLeaseSeconds as these tests leave it: how long a send in progress is left alone.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(new ReminderOptions().SendingLeaseSeconds);

    private static readonly string AcsKey = Convert.ToBase64String("acs-letter-job-key"u8.ToArray());
    private readonly FakeTimeProvider _time = new(PilotServices.Morning);
    private ProviderSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await ProviderSimulator.StartAsync(new SimulatorOptions("AC0", "token", AcsKey) { Time = _time });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task A_letter_whose_notify_answer_was_lost_comes_back_as_a_delayed_job_and_is_posted_once_after_the_lease()
    {
        // Before: the lost answer threw, the queue's five quick retries (30 s apart) all found the letter still in
        // its sending lease (3.5 min), and the job was poisoned with the invitation stuck letter-ready.
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var jobs = services.Get<WfiLetterJobs>();
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);
        _simulator.Notify.Faults.Enqueue(Fault.AcceptThenDrop());

        await Run(jobs.ProcessAsync(job, CancellationToken.None));
        var afterDrop = await WfiScenario.GetAsync(services, invitation.Id);
        var jobsQueued = await JobsOnQueueAsync(services);
        _time.Advance(((NotifyLetterDispatcher)services.Get<ILetterDispatcher>()).SendingLease + TimeSpan.FromSeconds(1));
        await Run(jobs.ProcessAsync(job, CancellationToken.None));

        Assert.Equal(WfiInvitationStatuses.LetterReady, afterDrop.Status);
        Assert.Equal(2, jobsQueued); // the invitation's own job and the delayed one
        var letter = Assert.Single(_simulator.Notify.Letters.Snapshot());
        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        Assert.Equal(WfiInvitationStatuses.Posted, stored.Status);
        Assert.Equal(letter.Id, stored.DispatchReference);
        Assert.Equal("sent", stored.CompanionText);
    }

    [Fact]
    public async Task A_companion_text_no_provider_takes_comes_back_as_a_delayed_job_and_is_sent_once()
    {
        // Before: the failure went to the queue, five of them poisoned the job and the text was never sent.
        await using var services = await StartAsync("acs");
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var jobs = services.Get<WfiLetterJobs>();
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);
        _simulator.Acs.Faults.ServerErrorRate = 1.0;

        await Run(jobs.ProcessAsync(job, CancellationToken.None));
        var afterFailure = await WfiScenario.GetAsync(services, invitation.Id);
        var jobsQueued = await JobsOnQueueAsync(services);
        _simulator.Acs.Faults.Reset();
        _time.Advance(TimeSpan.FromMinutes(1));
        await Run(jobs.ProcessAsync(job, CancellationToken.None));
        await Run(jobs.ProcessAsync(job, CancellationToken.None));

        Assert.Equal(WfiInvitationStatuses.Posted, afterFailure.Status);
        Assert.Null(afterFailure.CompanionText);
        Assert.Equal(2, jobsQueued);
        Assert.Equal("sent", (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText);
        var text = Assert.Single(_simulator.Acs.Accepted.Snapshot());
        Assert.Equal($"{DueBuckets.For(afterFailure.PostedAt!.Value)}-wfi-{invitation.Id}-letter", text.Tag);
    }

    [Fact]
    public async Task A_companion_text_another_delivery_of_the_job_is_sending_is_left_to_it_and_never_sent_twice()
    {
        // Before: two deliveries of one job at once both sent it (the fault run saw the second request 0 ms after the first).
        await using var services = await StartAsync("acs");
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var jobs = services.Get<WfiLetterJobs>();
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);
        var texts = services.Get<TextStore>();
        _simulator.Acs.Faults.ServerErrorRate = 1.0;
        await Run(jobs.ProcessAsync(job, CancellationToken.None)); // posted; the companion text waits for a provider
        _simulator.Acs.Faults.Reset();
        var posted = await WfiScenario.GetAsync(services, invitation.Id);
        var reference = new TextRef(DueBuckets.For(posted.PostedAt!.Value), WfiLetterJobs.CompanionTextId(posted));
        var claimed = (await texts.GetAsync(reference, CancellationToken.None))!;
        claimed.BeginRepeat(_time.GetUtcNow(), Lease); // the other delivery, in the middle of its send
        Assert.True(await texts.TryReplaceAsync(claimed, CancellationToken.None));

        await Run(jobs.ProcessAsync(job, CancellationToken.None));
        var whileClaimed = await WfiScenario.GetAsync(services, invitation.Id);
        var acceptedWhileClaimed = _simulator.Acs.Accepted.Snapshot().Count;
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        await Run(jobs.ProcessAsync(job, CancellationToken.None));
        await Run(jobs.ProcessAsync(job, CancellationToken.None));

        Assert.Null(whileClaimed.CompanionText);
        Assert.Equal(0, acceptedWhileClaimed);
        // The claim's holder never finished (it died mid-send): once its lease is over the text is settled like a
        // reminder's (ACS is asked, has no such message) and sent, once. Before it was counted as sent and never sent.
        Assert.Equal("sent", (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText);
        Assert.Equal(reference.MessageId, Assert.Single(_simulator.Acs.Accepted.Snapshot()).Tag);
    }

    [Fact]
    public async Task A_companion_text_whose_twilio_answer_was_lost_is_settled_with_twilio_and_its_receipt_finds_it()
    {
        // Finding 21 of the fault run with storage faults: a text sent under its own id (here the companion text) could
        // be found neither by Twilio's settling nor by its delivery receipt, so after a lost answer it was settled as
        // never taken and sent again through ACS: the parent had it twice, from two providers.
        await using var services = await StartAsync("twilio,acs");
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var jobs = services.Get<WfiLetterJobs>();
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);
        _simulator.Twilio.Faults.Enqueue(Fault.AcceptThenDrop());

        await Run(jobs.ProcessAsync(job, CancellationToken.None)); // posted; Twilio took the text but its answer was lost
        var afterDrop = await WfiScenario.GetAsync(services, invitation.Id);
        _time.Advance(Pilot.Shared.Sms.Twilio.TwilioSmsGateway.SettleAfter + Lease);
        await Run(jobs.ProcessAsync(job, CancellationToken.None));
        await Run(jobs.ProcessAsync(job, CancellationToken.None));

        Assert.Null(afterDrop.CompanionText);
        var sent = Assert.Single(_simulator.Twilio.Accepted);
        Assert.Single(_simulator.Twilio.Requests.Snapshot(), r => r.Method == "POST");
        Assert.Empty(_simulator.Acs.Requests.Snapshot());
        Assert.Equal("sent", (await WfiScenario.GetAsync(services, invitation.Id)).CompanionText);

        // Twilio's status callback carries the id the text was sent under; the receipt leads to the stored text.
        var messageId = System.Web.HttpUtility.ParseQueryString(sent.StatusCallback!.Query)["messageId"]!;
        var moved = await services.Get<DeliveryReceipts>().ApplyAsync(messageId, Pilot.Shared.Sms.SmsDeliveryStatus.Delivered, "twilio", sent.Sid, CancellationToken.None);

        Assert.True(moved);
        Assert.True(TextRef.TryParseMessageId(messageId, out var reference));
        var text = await services.Get<TextStore>().GetAsync(reference, CancellationToken.None);
        Assert.Equal($"wfi-{invitation.Id}-letter", text?.RowKey);
        Assert.Equal(TextStates.Delivered, text?.State);
        Assert.Equal(sent.Sid, text?.ProviderMessageId);
    }

    private async Task<PilotServices> StartAsync(string? smsProviders = null)
    {
        var settings = WfiScenario.Settings();
        settings["Letters:Notify:ApiKey"] = SimulatorOptions.DefaultNotifyApiKey;
        settings["Letters:Notify:BaseUrl"] = _simulator.BaseUri.ToString();
        if (smsProviders is not null)
        {
            settings["Sms:Providers"] = smsProviders;
            settings["Sms:PublicBaseUrl"] = "http://pilot.example";
            settings["Sms:Twilio:AccountSid"] = "AC0";
            settings["Sms:Twilio:AuthToken"] = "token";
            settings["Sms:Twilio:From"] = "+447700900000";
            settings["Sms:Twilio:ApiBaseUrl"] = _simulator.BaseUri.ToString();
            settings["Sms:Twilio:MessagesPerSecond"] = "100";
            settings["Sms:Acs:ConnectionString"] = $"endpoint={_simulator.BaseUri};accesskey={AcsKey}";
            settings["Sms:Acs:From"] = "+447700900001";
            settings["Sms:Acs:MessagesPerSecond"] = "100";
        }

        return await PilotServices.StartAsync(s => s.AddSingleton<TimeProvider>(_time), settings);
    }

    /// <summary>Letter jobs on the queue, visible or not (a delayed one is invisible until its time).</summary>
    private static async Task<int> JobsOnQueueAsync(PilotServices services)
    {
        var queue = await services.Get<StorageClients>().QueueAsync(services.Get<Microsoft.Extensions.Options.IOptions<WfiOptions>>().Value.LetterQueue);
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    /// <summary>Awaits work that waits on the fake clock (backoffs), moving the clock on meanwhile.</summary>
    private async Task Run(Task work)
    {
        for (var i = 0; i < 3000 && !work.IsCompleted; i++)
        {
            await Task.WhenAny(work, Task.Delay(5));
            if (!work.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        await work;
    }
}
