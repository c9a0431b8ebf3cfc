using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pilot.ProviderSimulators;
using Pilot.ProviderSimulators.Faults;
using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Dispatch;
using Pilot.Shared.Letters.Notify;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Letters;

/// <summary>The Notify dispatcher over real HTTP to the Notify simulator, storing on real Azurite.</summary>
public sealed class NotifyLetterDispatcherTests : IAsyncLifetime
{
    private const string Reference = "WFI-2026-000123";
    private readonly FakeTimeProvider _time = new(PilotServices.Morning);
    private ProviderSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await ProviderSimulator.StartAsync(new SimulatorOptions("AC0", "token", Convert.ToBase64String("key"u8.ToArray())) { Time = _time });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Rendered_letter_is_sent_to_notify_with_a_valid_token_and_its_id_recorded()
    {
        await using var services = await StartAsync();
        var pdf = services.Get<ILetterRenderer>().Render(LetterSamples.Letter(Reference));

        var dispatch = await Run(services.Get<ILetterDispatcher>().DispatchAsync(Reference, pdf, CancellationToken.None));

        var letter = Assert.Single(_simulator.Notify.Letters.Snapshot());
        Assert.Equal(new LetterDispatch("notify", letter.Id), dispatch);
        Assert.Equal(Reference, letter.Reference);
        Assert.Equal("second", letter.Postage);
        Assert.Equal(pdf, letter.Pdf);
        Assert.Empty(_simulator.Notify.AuthFailures.Snapshot());
        var request = Assert.Single(_simulator.Notify.Requests.Snapshot());
        Assert.Equal("/v2/notifications/letter", request.Path);
        Assert.StartsWith("Bearer ", request.Header("Authorization"), StringComparison.Ordinal);

        var store = services.Get<LetterStore>();
        var record = await store.FindAsync(Reference, CancellationToken.None);
        Assert.Equal(LetterDispatchState.Dispatched, record!.State);
        Assert.Equal(letter.Id, record.ProviderReference);
        Assert.Equal(pdf, await store.ReadAsync(Reference, CancellationToken.None));
    }

    [Fact]
    public async Task Dispatching_a_reference_again_posts_no_second_letter()
    {
        await using var services = await StartAsync();
        var dispatcher = services.Get<ILetterDispatcher>();

        var first = await Run(dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None));
        var second = await Run(dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None));

        Assert.Equal(first, second);
        Assert.Single(_simulator.Notify.Letters.Snapshot());
        Assert.Single(_simulator.Notify.Requests.Snapshot());
    }

    [Fact]
    public async Task Notify_server_error_then_success_is_retried_and_posts_one_letter()
    {
        await using var services = await StartAsync();
        _simulator.Notify.Faults.Enqueue(Fault.ServerError(500));
        _simulator.Notify.Faults.Enqueue(Fault.TooManyRequests(2));

        var dispatch = await Run(services.Get<ILetterDispatcher>().DispatchAsync(Reference, Pdf(), CancellationToken.None));

        Assert.Equal(Assert.Single(_simulator.Notify.Letters.Snapshot()).Id, dispatch.ProviderReference);
        Assert.Equal([500, 429, 201], _simulator.Notify.Requests.Snapshot().Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Letter_notify_refuses_is_a_permanent_failure_without_retry()
    {
        await using var services = await StartAsync();

        var refused = await Assert.ThrowsAsync<LetterDispatchException>(() =>
            Run(services.Get<ILetterDispatcher>().DispatchAsync(Reference, "not a pdf"u8.ToArray(), CancellationToken.None)));

        Assert.True(refused.IsPermanent);
        Assert.Contains("ValidationError", refused.Message, StringComparison.Ordinal);
        Assert.Equal([400], _simulator.Notify.Requests.Snapshot().Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Wrong_api_key_is_refused_by_notify_and_is_permanent()
    {
        var otherSecret = SimulatorOptions.DefaultNotifyApiKey[..^36] + "00000000-0000-4000-8000-000000000000";
        await using var services = await StartAsync(otherSecret);

        var refused = await Assert.ThrowsAsync<LetterDispatchException>(() =>
            Run(services.Get<ILetterDispatcher>().DispatchAsync(Reference, Pdf(), CancellationToken.None)));

        Assert.True(refused.IsPermanent);
        Assert.Contains(_simulator.Notify.AuthFailures.Snapshot(), f => f.Contains("signature", StringComparison.Ordinal));
        Assert.Empty(_simulator.Notify.Letters.Snapshot());
    }

    [Fact]
    public async Task Dropped_answer_is_not_resent_and_the_retry_finds_the_letter_by_reference()
    {
        await using var services = await StartAsync();
        _simulator.Notify.Faults.Enqueue(Fault.AcceptThenDrop());
        var dispatcher = services.Get<ILetterDispatcher>();

        var unknown = await Assert.ThrowsAsync<LetterDispatchException>(() => Run(dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None)));
        Assert.False(unknown.IsPermanent);
        var accepted = Assert.Single(_simulator.Notify.Letters.Snapshot());
        Assert.Equal(LetterDispatchState.Sending, (await services.Get<LetterStore>().FindAsync(Reference, CancellationToken.None))!.State);

        // At once, the letter may still be another worker's: nothing is asked or sent.
        var busy = await Assert.ThrowsAsync<LetterDispatchException>(() => Run(dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None)));
        Assert.False(busy.IsPermanent);
        Assert.Single(_simulator.Notify.Requests.Snapshot());

        _time.Advance(((NotifyLetterDispatcher)dispatcher).SendingLease);
        var dispatch = await Run(dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None));

        Assert.Equal(accepted.Id, dispatch.ProviderReference);
        Assert.Single(_simulator.Notify.Letters.Snapshot());
        Assert.Equal(["POST", "GET"], _simulator.Notify.Requests.Snapshot().Select(r => r.Method));
    }

    [Fact]
    public async Task Letter_left_sending_by_a_crash_that_never_reached_notify_is_sent_after_the_lease()
    {
        await using var services = await StartAsync();
        var dispatcher = (NotifyLetterDispatcher)services.Get<ILetterDispatcher>();
        Assert.True(await services.Get<LetterStore>().TryClaimAsync(Reference, Pdf(), "notify", null, _time.GetUtcNow(), null, CancellationToken.None));
        _time.Advance(dispatcher.SendingLease);

        var dispatch = await Run(dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None));

        Assert.Equal(Assert.Single(_simulator.Notify.Letters.Snapshot()).Id, dispatch.ProviderReference);
        Assert.Equal(["GET", "POST"], _simulator.Notify.Requests.Snapshot().Select(r => r.Method));
    }

    [Fact]
    public async Task Malformed_api_key_fails_start_up_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<FormatException>(() => StartAsync("not-a-key"));

        Assert.Contains("Letters:Notify:ApiKey", failure.Message, StringComparison.Ordinal);
    }

    private static byte[] Pdf() => new PdfLetterRenderer().Render(LetterSamples.Letter(Reference));

    private async Task<PilotServices> StartAsync(string apiKey = SimulatorOptions.DefaultNotifyApiKey) =>
        await PilotServices.StartAsync(
            s => s.AddSingleton<TimeProvider>(_time),
            new Dictionary<string, string?>
            {
                ["Letters:Container"] = Azurite.UniqueName("letters"),
                ["Letters:Notify:ApiKey"] = apiKey,
                ["Letters:Notify:BaseUrl"] = _simulator.BaseUri.ToString(),
            });

    /// <summary>Awaits work that waits on the fake clock (backoffs), moving the clock on meanwhile.</summary>
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
}
