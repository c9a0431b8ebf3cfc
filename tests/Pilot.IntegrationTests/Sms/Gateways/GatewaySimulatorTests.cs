using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pilot.ProviderSimulators;
using Pilot.ProviderSimulators.Faults;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Acs;
using Pilot.Shared.Sms.Resilience;
using Pilot.Shared.Sms.Twilio;

namespace Pilot.IntegrationTests.Sms.Gateways;

/// <summary>The real gateways over HTTP against the provider simulators, on the fake clock.</summary>
public sealed class GatewaySimulatorTests : IAsyncLifetime
{
    private const string Sid = "AC00000000000000000000000000000001";
    private const string Token = "twilio-test-token";
    private static readonly string AcsKey = Convert.ToBase64String("acs-test-key-0123456789"u8.ToArray());
    private const string MessageId = "202603030900-appt1-v1-confirmation";
    private const string Mobile = "+447700900123";

    private readonly FakeTimeProvider _time = new(PilotServices.Morning);
    private ProviderSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await ProviderSimulator.StartAsync(new SimulatorOptions(Sid, Token, AcsKey) { Time = _time });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Twilio_429_then_success_waits_and_sends_one_message()
    {
        await using var services = await StartAsync("twilio");
        _simulator.Twilio.Faults.Enqueue(Fault.TooManyRequests(2));

        var result = await Run(services.Get<ISmsGateway>().SendAsync(Message(), CancellationToken.None));

        Assert.Equal(SmsDeliveryStatus.Sent, result.Status);
        Assert.Equal("twilio", result.Provider);
        Assert.Single(_simulator.Twilio.Accepted);
        Assert.Equal(2, _simulator.Twilio.Requests.Count);
    }

    [Fact]
    public async Task A_retry_that_would_start_once_quiet_hours_began_is_not_made_by_either_provider()
    {
        await using var services = await StartAsync("twilio,acs");
        _simulator.Twilio.Faults.Enqueue(Fault.TooManyRequests(5));
        // Quiet hours begin in 12 s: the first attempt (10 s at most) ends before them; Twilio says wait 5, and a retry then could not.
        var message = Message() with { NotAfter = _time.GetUtcNow().AddSeconds(12) };

        var refused = await Assert.ThrowsAsync<Pilot.Shared.Sms.Resilience.SmsProviderException>(() => Run(services.Get<ISmsGateway>().SendAsync(message, CancellationToken.None)));

        Assert.Single(_simulator.Twilio.Requests.Snapshot()); // the first attempt, before quiet hours; not its retry
        Assert.Empty(_simulator.Twilio.Accepted);
        Assert.Empty(_simulator.Acs.Requests.Snapshot()); // nor the failover, now inside quiet hours
        Assert.Contains("quiet hours", refused.InnerException?.Message ?? refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_attempt_is_made_that_could_still_be_running_when_quiet_hours_begin()
    {
        // Before: an attempt started just before 21:00 was accepted a fraction of a second into quiet hours.
        await using var services = await StartAsync("twilio,acs");
        var message = Message() with { NotAfter = _time.GetUtcNow().AddSeconds(9) }; // each provider's attempt may take 10 s

        var refused = await Assert.ThrowsAsync<Pilot.Shared.Sms.Resilience.SmsProviderException>(() => Run(services.Get<ISmsGateway>().SendAsync(message, CancellationToken.None)));

        Assert.Empty(_simulator.Twilio.Requests.Snapshot());
        Assert.Empty(_simulator.Acs.Requests.Snapshot());
        Assert.Contains("quiet hours", refused.InnerException?.Message ?? refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twilio_server_error_storm_opens_its_circuit_and_fails_over_to_acs()
    {
        await using var services = await StartAsync("twilio,acs");
        _simulator.Twilio.Faults.ServerErrorRate = 1.0;
        var gateway = services.Get<ISmsGateway>();

        var results = new List<SmsSendResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await Run(gateway.SendAsync(Message($"202603030900-appt{i}-v1-confirmation"), CancellationToken.None)));
        }

        Assert.All(results, r => Assert.Equal("acs", r.Provider));
        Assert.Equal(5, _simulator.Acs.Accepted.Count);
        Assert.Empty(_simulator.Twilio.Accepted);
        var twilioRequestsWhenOpen = _simulator.Twilio.Requests.Count;
        await Run(gateway.SendAsync(Message("202603030900-appt9-v1-confirmation"), CancellationToken.None));
        Assert.Equal(twilioRequestsWhenOpen, _simulator.Twilio.Requests.Count);
    }

    [Fact]
    public async Task Acs_retry_after_a_dropped_answer_repeats_the_repeatability_id_and_is_sent_once()
    {
        await using var services = await StartAsync("acs");
        _simulator.Acs.Faults.Enqueue(Fault.AcceptThenDrop());

        var result = await Run(services.Get<ISmsGateway>().SendAsync(Message(), CancellationToken.None));

        Assert.Equal(SmsDeliveryStatus.Sent, result.Status);
        var accepted = Assert.Single(_simulator.Acs.Accepted.Snapshot());
        Assert.Equal(AcsRepeatability.RequestId(MessageId).ToString(), accepted.RepeatabilityRequestId);
        Assert.Equal("Tue, 03 Mar 2026 09:00:00 GMT", accepted.RepeatabilityFirstSent);
        Assert.Equal(MessageId, accepted.Tag);
        Assert.Single(_simulator.Acs.DuplicateRequests.Snapshot());
        Assert.Equal(accepted.MessageId, result.ProviderMessageId);
    }

    [Fact]
    public async Task Acs_sends_a_wfi_companion_text_whose_id_has_no_due_minute_once_across_a_dropped_answer()
    {
        // The fault run found every WFI companion text (and answer to a parent's text) failing on ACS: the
        // repeatability first-sent time was taken from the id alone, which only reminder and alert ids start with.
        await using var services = await StartAsync("acs");
        _simulator.Acs.Faults.Enqueue(Fault.AcceptThenDrop());
        var posted = PilotServices.Morning.AddSeconds(17);

        var result = await Run(services.Get<ISmsGateway>().SendAsync(new SmsMessage("wfi-inv1-letter", Mobile, Body) { FirstSentAt = posted }, CancellationToken.None));

        Assert.Equal(SmsDeliveryStatus.Sent, result.Status);
        var accepted = Assert.Single(_simulator.Acs.Accepted.Snapshot());
        Assert.Equal("wfi-inv1-letter", accepted.Tag);
        Assert.Equal(AcsRepeatability.RequestId("wfi-inv1-letter").ToString(), accepted.RepeatabilityRequestId);
        Assert.Equal(posted.ToString("r", System.Globalization.CultureInfo.InvariantCulture), accepted.RepeatabilityFirstSent);
        Assert.Single(_simulator.Acs.DuplicateRequests.Snapshot());
    }

    [Fact]
    public async Task Twilio_dropped_answer_is_not_resent_and_find_settles_it()
    {
        await using var services = await StartAsync("twilio,acs", s => s.AddSingleton<ISentTextLookup>(new FixedLookup(new SentText(Mobile, Body, PilotServices.Morning))));
        _simulator.Twilio.Faults.Enqueue(Fault.AcceptThenDrop());
        var gateway = services.Get<ISmsGateway>();

        var unknown = await Assert.ThrowsAsync<SmsOutcomeUnknownException>(() => Run(gateway.SendAsync(Message(), CancellationToken.None)));

        Assert.Equal("twilio", unknown.Provider);
        var sent = Assert.Single(_simulator.Twilio.Accepted);
        Assert.Single(_simulator.Twilio.Requests.Snapshot(), r => r.Method == "POST");
        Assert.Empty(_simulator.Acs.Accepted.Snapshot());
        Assert.Equal(new Uri($"http://pilot.example/api/sms/twilio/status?messageId={Uri.EscapeDataString(MessageId)}"), sent.StatusCallback);

        var found = await gateway.FindAsync(MessageId, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(sent.Sid, found.ProviderMessageId);
        Assert.Single(_simulator.Twilio.Accepted);
    }

    [Fact]
    public async Task Acs_retries_running_out_after_a_dropped_answer_keep_the_text_with_acs_instead_of_failing_over()
    {
        await using var services = await StartAsync("acs,twilio");
        _simulator.Acs.Faults.Enqueue(Fault.AcceptThenDrop());
        for (var i = 0; i < 3; i++)
        {
            _simulator.Acs.Faults.Enqueue(Fault.ServerError());
        }

        var unknown = await Assert.ThrowsAsync<SmsOutcomeUnknownException>(() => Run(services.Get<ISmsGateway>().SendAsync(Message(), CancellationToken.None)));

        Assert.Equal("acs", unknown.Provider);
        Assert.Single(_simulator.Acs.Accepted.Snapshot());
        Assert.Empty(_simulator.Twilio.Requests.Snapshot());
    }

    [Fact]
    public async Task A_repeat_goes_to_acs_first_so_a_text_acs_took_unseen_is_not_sent_again_by_twilio()
    {
        await using var services = await StartAsync("twilio,acs");
        var gateway = services.Get<ISmsGateway>();
        var first = await TwilioFailsAndAcsTakesItAsync(gateway);
        Assert.Null(await gateway.FindAsync(MessageId, CancellationToken.None));

        var repeat = await Run(gateway.SendAsync(Message() with { IsRepeat = true }, CancellationToken.None));

        Assert.Equal("acs", repeat.Provider);
        Assert.Equal(first.ProviderMessageId, repeat.ProviderMessageId);
        Assert.Single(_simulator.Acs.Accepted.Snapshot());
        Assert.Single(_simulator.Acs.DuplicateRequests.Snapshot());
        Assert.Empty(_simulator.Twilio.Accepted);
    }

    [Fact]
    public async Task A_repeat_acs_fails_waits_for_acs_and_is_never_handed_to_twilio()
    {
        await using var services = await StartAsync("twilio,acs");
        var gateway = services.Get<ISmsGateway>();
        var first = await TwilioFailsAndAcsTakesItAsync(gateway);
        var twilioRequests = _simulator.Twilio.Requests.Snapshot().Count;
        for (var i = 0; i < 8; i++)
        {
            _simulator.Acs.Faults.Enqueue(Fault.ServerError());
        }

        // The repeat meets ACS failing: it fails technically (the sender tries it again later), and Twilio, which
        // would send a second copy of what ACS took, is not asked.
        await Assert.ThrowsAsync<SmsProviderException>(() => Run(gateway.SendAsync(Message() with { IsRepeat = true }, CancellationToken.None)));

        Assert.Single(_simulator.Acs.Accepted.Snapshot());
        Assert.Empty(_simulator.Twilio.Accepted);
        Assert.Equal(twilioRequests, _simulator.Twilio.Requests.Snapshot().Count); // the first attempt's, none for the repeat
    }

    /// <summary>Twilio fails the text, ACS takes it, and the answer is lost to a crash before it is recorded.</summary>
    private async Task<SmsSendResult> TwilioFailsAndAcsTakesItAsync(ISmsGateway gateway)
    {
        for (var i = 0; i < 4; i++)
        {
            _simulator.Twilio.Faults.Enqueue(Fault.ServerError());
        }

        var first = await Run(gateway.SendAsync(Message(), CancellationToken.None));
        Assert.Equal("acs", first.Provider);
        return first;
    }

    [Fact]
    public async Task Twilio_landline_is_a_permanent_failure_without_retry_or_failover()
    {
        await using var services = await StartAsync("twilio,acs");

        var result = await Run(services.Get<ISmsGateway>().SendAsync(new SmsMessage(MessageId, "+441632960123", Body), CancellationToken.None));

        Assert.Equal(SmsDeliveryStatus.PermanentFailure, result.Status);
        Assert.Single(_simulator.Twilio.Requests.Snapshot());
        Assert.Empty(_simulator.Acs.Requests.Snapshot());
    }

    private const string Body = "Hi Sam, a reminder of your appointment.";

    private static SmsMessage Message(string id = MessageId) => new(id, Mobile, Body);

    private async Task<PilotServices> StartAsync(string providers, Action<IServiceCollection>? configure = null) =>
        await PilotServices.StartAsync(
            s =>
            {
                s.AddSingleton<TimeProvider>(_time);
                configure?.Invoke(s);
            },
            new Dictionary<string, string?>
            {
                ["Sms:Providers"] = providers,
                ["Sms:PublicBaseUrl"] = "http://pilot.example",
                ["Sms:Twilio:AccountSid"] = Sid,
                ["Sms:Twilio:AuthToken"] = Token,
                ["Sms:Twilio:From"] = "+447700900000",
                ["Sms:Twilio:ApiBaseUrl"] = _simulator.BaseUri.ToString(),
                ["Sms:Twilio:MessagesPerSecond"] = "100",
                ["Sms:Acs:ConnectionString"] = $"endpoint={_simulator.BaseUri};accesskey={AcsKey}",
                ["Sms:Acs:From"] = "+447700900001",
                ["Sms:Acs:MessagesPerSecond"] = "100",
            });

    /// <summary>Awaits work that waits on the fake clock (permits, backoffs), moving the clock on meanwhile.</summary>
    private async Task<T> Run<T>(Task<T> work)
    {
        for (var i = 0; i < 3000 && !work.IsCompleted; i++)
        {
            await Task.WhenAny(work, Task.Delay(5));
            if (!work.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        return await work;
    }

    private sealed class FixedLookup(SentText text) : ISentTextLookup
    {
        public Task<SentText?> FindAsync(string messageId, CancellationToken cancellationToken) => Task.FromResult<SentText?>(text);
    }
}
