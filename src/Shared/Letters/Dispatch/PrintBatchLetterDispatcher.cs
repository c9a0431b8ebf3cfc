using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Hosting;
using Pilot.Shared.Time;

namespace Pilot.Shared.Letters.Dispatch;

/// <summary>
/// The embedded default letter channel, used when GOV.UK Notify is not configured: each letter is put in
/// the day's print batch, <c>print-batch/{London date}/{reference}.pdf</c> in the letters container (and
/// the same path under <c>Letters:PrintBatchFolder</c> when set), for a print supplier to collect daily.
/// Idempotent: the batch blob is chosen and recorded before it is written, so a retry (even after
/// midnight) rewrites the same blob, and a letter already in a batch is not added again.
/// </summary>
public sealed class PrintBatchLetterDispatcher(
    LetterStore store,
    IOptions<LetterOptions> options,
    TimeProvider time,
    ILogger<PrintBatchLetterDispatcher> logger) : ILetterDispatcher, IEmbeddedDefault
{
    public const string ChannelName = "print-batch";

    public string Name => "Print-batch letter dispatcher";

    public string Description =>
        "GOV.UK Notify is not configured (Letters:Notify:ApiKey is empty): letters go to the print-batch folder "
        + $"'{LetterStore.PrintBatchPrefix}' in Blob container '{options.Value.Container}'"
        + (string.IsNullOrWhiteSpace(options.Value.PrintBatchFolder) ? "" : $" and to {options.Value.PrintBatchFolder}")
        + ", for a print supplier to collect daily; nothing is posted by Notify.";

    public async Task<LetterDispatch> DispatchAsync(string reference, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        LetterReference.Check(reference);
        var existing = await store.FindAsync(reference, cancellationToken);
        if (existing?.Dispatch is { } done)
        {
            logger.LogInformation("Letter {Reference} was already dispatched ({Channel}); not added again", reference, done.Channel);
            return done;
        }

        var now = time.GetUtcNow();
        var date = DateOnly.FromDateTime(LondonTime.ToLocal(now).DateTime);
        var blobName = existing is { State: LetterDispatchState.Sending, Channel: ChannelName, ProviderReference: { } chosen }
            ? chosen
            : LetterStore.PrintBatchBlobName(date, reference);

        if (!await store.TryClaimAsync(reference, pdf, ChannelName, blobName, now, existing, cancellationToken))
        {
            throw new LetterDispatchException($"Letter {reference} is being dispatched by another worker; try again later.", isPermanent: false);
        }

        await store.WritePrintBatchAsync(blobName, pdf, reference, now, cancellationToken);
        await CopyToFolderAsync(blobName, pdf, cancellationToken);

        var dispatch = new LetterDispatch(ChannelName, blobName);
        await store.RecordDispatchedAsync(reference, dispatch, now, cancellationToken);
        logger.LogInformation("Letter {Reference} added to the print batch as {BlobName}", reference, blobName);
        return dispatch;
    }

    private async Task CopyToFolderAsync(string blobName, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        var folder = options.Value.PrintBatchFolder;
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        var relative = blobName[LetterStore.PrintBatchPrefix.Length..].Replace('/', Path.DirectorySeparatorChar);
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write then rename, so a supplier collecting the folder never picks up half a file.
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, pdf, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
