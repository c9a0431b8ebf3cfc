using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Hosting;
using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Dispatch;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Letters;

/// <summary>The embedded print-batch dispatcher on real Azurite and a real local folder.</summary>
public sealed class PrintBatchLetterDispatcherTests : IDisposable
{
    private const string Reference = "WFI-2026-000456";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pilot-print-batch-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_notify_the_print_batch_is_the_dispatcher_and_reported_as_an_embedded_default()
    {
        await using var services = await StartAsync();

        Assert.IsType<PrintBatchLetterDispatcher>(services.Get<ILetterDispatcher>());
        Assert.Contains(services.Provider.GetServices<IEmbeddedDefault>(), d => d is PrintBatchLetterDispatcher);
    }

    [Fact]
    public async Task Letter_goes_into_the_london_days_batch_in_blob_storage_and_the_local_folder()
    {
        await using var services = await StartAsync();
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the batch is 1 July's.
        services.Time.SetUtcNow(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));
        var pdf = services.Get<ILetterRenderer>().Render(LetterSamples.Letter(Reference));

        var dispatch = await services.Get<ILetterDispatcher>().DispatchAsync(Reference, pdf, CancellationToken.None);

        Assert.Equal(new LetterDispatch("print-batch", $"print-batch/2026-07-01/{Reference}.pdf"), dispatch);
        var store = services.Get<LetterStore>();
        Assert.Equal([dispatch.ProviderReference], await store.PrintBatchAsync(new DateOnly(2026, 7, 1), CancellationToken.None));
        var blob = (await store.ContainerAsync()).GetBlobClient(dispatch.ProviderReference);
        Assert.Equal(pdf, (await blob.DownloadContentAsync()).Value.Content.ToArray());
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Equal("2026-06-30T23:30:00.0000000Z", properties.Metadata["dispatchedat"]);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(_folder, "2026-07-01", $"{Reference}.pdf")));
        Assert.Empty(Directory.GetFiles(_folder, "*.partial", SearchOption.AllDirectories));
        Assert.Equal(LetterDispatchState.Dispatched, (await store.FindAsync(Reference, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Dispatching_a_reference_again_adds_nothing_to_the_batch()
    {
        await using var services = await StartAsync();
        var dispatcher = services.Get<ILetterDispatcher>();
        var first = await dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None);
        services.Time.Advance(TimeSpan.FromDays(1));

        var second = await dispatcher.DispatchAsync(Reference, Pdf(), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Empty(await services.Get<LetterStore>().PrintBatchAsync(new DateOnly(2026, 3, 4), CancellationToken.None));
    }

    [Fact]
    public async Task Retry_after_a_crash_past_midnight_rewrites_the_batch_blob_it_chose_first()
    {
        await using var services = await StartAsync();
        var store = services.Get<LetterStore>();
        // The first attempt chose 3 March's batch and died before writing it.
        Assert.True(await store.TryClaimAsync(Reference, Pdf(), "print-batch", $"print-batch/2026-03-03/{Reference}.pdf", services.Time.GetUtcNow(), null, CancellationToken.None));
        services.Time.Advance(TimeSpan.FromDays(1));

        var dispatch = await services.Get<ILetterDispatcher>().DispatchAsync(Reference, Pdf(), CancellationToken.None);

        Assert.Equal($"print-batch/2026-03-03/{Reference}.pdf", dispatch.ProviderReference);
        Assert.Single(await store.PrintBatchAsync(new DateOnly(2026, 3, 3), CancellationToken.None));
        Assert.Empty(await store.PrintBatchAsync(new DateOnly(2026, 3, 4), CancellationToken.None));
    }

    [Fact]
    public async Task Two_claims_on_the_same_reading_of_a_letter_give_it_to_one_worker_only()
    {
        await using var services = await StartAsync();
        var store = services.Get<LetterStore>();
        var now = services.Time.GetUtcNow();

        Assert.True(await store.TryClaimAsync(Reference, Pdf(), "notify", null, now, null, CancellationToken.None));
        Assert.False(await store.TryClaimAsync(Reference, Pdf(), "notify", null, now, null, CancellationToken.None));

        var seen = await store.FindAsync(Reference, CancellationToken.None);
        Assert.True(await store.TryClaimAsync(Reference, Pdf(), "notify", null, now, seen, CancellationToken.None));
        Assert.False(await store.TryClaimAsync(Reference, Pdf(), "notify", null, now, seen, CancellationToken.None));
    }

    [Fact]
    public async Task Unsafe_reference_is_refused_before_anything_is_written()
    {
        await using var services = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => services.Get<ILetterDispatcher>().DispatchAsync("../other/x", Pdf(), CancellationToken.None));
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public async Task Unknown_postage_is_refused_naming_the_setting()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Letters:Postage"] = "third" });

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.Get<Microsoft.Extensions.Options.IOptions<LetterOptions>>().Value);

        Assert.Contains("Letters:Postage", failure.Message, StringComparison.Ordinal);
    }

    private static byte[] Pdf() => new PdfLetterRenderer().Render(LetterSamples.Letter(Reference));

    private async Task<PilotServices> StartAsync() =>
        await PilotServices.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Letters:Container"] = Azurite.UniqueName("letters"),
            ["Letters:PrintBatchFolder"] = _folder,
        });
}
