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
        Assert.Equal($"wfi-{invitation.Id}-letter", text.Tag);
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
        var reference = new TextRef(DueBuckets.For(posted.PostedAt!.Value), WfiLetterJobs.CompanionMessageId(posted));
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
        Assert.Equal(WfiLetterJobs.CompanionMessageId(posted), Assert.Single(_simulator.Acs.Accepted.Snapshot()).Tag);
    }

    private async Task<PilotServices> StartAsync(string? smsProviders = null)
    {
        var settings = WfiScenario.Settings();
        settings["Letters:Notify:ApiKey"] = SimulatorOptions.DefaultNotifyApiKey;
        settings["Letters:Notify:BaseUrl"] = _simulator.BaseUri.ToString();
        if (smsProviders is not null)
        {
            settings["Sms:Providers"] = smsProviders;
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
