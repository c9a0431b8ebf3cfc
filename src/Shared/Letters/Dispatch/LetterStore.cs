using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Letters.Dispatch;

/// <summary>
/// Keeps every letter PDF in Blob storage (<c>{Letters:Container}/{reference}.pdf</c>) with its dispatch
/// state as blob metadata, so a retried dispatch finds what happened before, and the print batches
/// (<c>print-batch/{yyyy-MM-dd}/{reference}.pdf</c>) a print supplier collects.
/// </summary>
public sealed class LetterStore(StorageClients storage, IOptions<LetterOptions> options)
{
    public const string PrintBatchPrefix = "print-batch/";
    private const string StateKey = "dispatchstate";
    private const string ChannelKey = "dispatchchannel";
    private const string ProviderReferenceKey = "providerreference";
    private const string DispatchedAtKey = "dispatchedat";
    private const string SendingSinceKey = "sendingsince";

    private readonly Lock _containerGate = new();
    private Task<BlobContainerClient>? _container;

    public static string LetterBlobName(string reference) => $"{reference}.pdf";

    public static string PrintBatchBlobName(DateOnly londonDate, string reference) =>
        string.Create(CultureInfo.InvariantCulture, $"{PrintBatchPrefix}{londonDate:yyyy-MM-dd}/{reference}.pdf");

    /// <summary>The container, created on first use; a failed creation is tried again next time, not remembered.</summary>
    public Task<BlobContainerClient> ContainerAsync()
    {
        lock (_containerGate)
        {
            if (_container is null || _container.IsFaulted || _container.IsCanceled)
            {
                _container = CreateContainerAsync();
            }

            return _container;
        }
    }

    private async Task<BlobContainerClient> CreateContainerAsync()
    {
        var container = storage.Blobs.GetBlobContainerClient(options.Value.Container);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    /// <summary>The letter's dispatch state, or null when no letter with this reference is stored.</summary>
    public async Task<LetterDispatchRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        LetterReference.Check(reference);
        var blob = (await ContainerAsync()).GetBlobClient(LetterBlobName(reference));
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return ToRecord(reference, properties.Value.Metadata, properties.Value.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The stored PDF, or null.</summary>
    public async Task<byte[]?> ReadAsync(string reference, CancellationToken cancellationToken)
    {
        LetterReference.Check(reference);
        var blob = (await ContainerAsync()).GetBlobClient(LetterBlobName(reference));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Claims the letter for one hand-over: stores the PDF marked <see cref="LetterDispatchState.Sending"/> on
    /// <paramref name="channel"/> (with the provider reference when it is known in advance, as a print-batch blob
    /// name is), only if the blob is still as <paramref name="seen"/> was read (absent when null). False when
    /// another dispatch of the same reference wrote first: it has the letter in hand.
    /// </summary>
    public async Task<bool> TryClaimAsync(
        string reference, ReadOnlyMemory<byte> pdf, string channel, string? providerReference, DateTimeOffset at,
        LetterDispatchRecord? seen, CancellationToken cancellationToken)
    {
        LetterReference.Check(reference);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StateKey] = nameof(LetterDispatchState.Sending),
            [ChannelKey] = channel,
            [SendingSinceKey] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        if (providerReference is not null)
        {
            metadata[ProviderReferenceKey] = providerReference;
        }

        var conditions = seen?.Version is { } version
            ? new BlobRequestConditions { IfMatch = new ETag(version) }
            : new BlobRequestConditions { IfNoneMatch = ETag.All };
        var blob = (await ContainerAsync()).GetBlobClient(LetterBlobName(reference));
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(pdf), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                Metadata = metadata,
                Conditions = conditions,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Records that the channel took the letter; from then on a dispatch of this reference returns this.</summary>
    public async Task RecordDispatchedAsync(string reference, LetterDispatch dispatch, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        LetterReference.Check(reference);
        var blob = (await ContainerAsync()).GetBlobClient(LetterBlobName(reference));
        await blob.SetMetadataAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StateKey] = nameof(LetterDispatchState.Dispatched),
            [ChannelKey] = dispatch.Channel,
            [ProviderReferenceKey] = dispatch.ProviderReference,
            [DispatchedAtKey] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Writes a letter into the print batch (replacing the same blob on a retry).</summary>
    public async Task WritePrintBatchAsync(string blobName, ReadOnlyMemory<byte> pdf, string reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync()).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(pdf), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["reference"] = reference,
                [DispatchedAtKey] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
    }

    /// <summary>The blob names in one day's print batch, in name order.</summary>
    public async Task<IReadOnlyList<string>> PrintBatchAsync(DateOnly londonDate, CancellationToken cancellationToken)
    {
        var container = await ContainerAsync();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{PrintBatchPrefix}{londonDate:yyyy-MM-dd}/");
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>
    /// Deletes every copy of the reference's letter: its blobs (<c>{ref}.pdf</c>, <c>rendered/{ref}.pdf</c>,
    /// <c>print-batch/{date}/{ref}.pdf</c>) and its file in the print folder. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteEveryCopyAsync(string reference, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return 0;
        }

        var file = reference + ".pdf";
        var container = storage.Blobs.GetBlobContainerClient(options.Value.Container);
        var deleted = 0;
        if (await container.ExistsAsync(ct))
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: ct))
            {
                if (blob.Name == file || blob.Name.EndsWith("/" + file, StringComparison.Ordinal))
                {
                    await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
                    deleted++;
                }
            }
        }

        var folder = options.Value.PrintBatchFolder;
        if (!string.IsNullOrWhiteSpace(folder) && Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder, file, SearchOption.AllDirectories))
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    private static LetterDispatchRecord ToRecord(string reference, IDictionary<string, string> metadata, string version)
    {
        var state = metadata.TryGetValue(StateKey, out var s) && Enum.TryParse<LetterDispatchState>(s, out var parsed) ? parsed : LetterDispatchState.Stored;
        return new LetterDispatchRecord(
            reference,
            state,
            metadata.TryGetValue(ChannelKey, out var channel) ? channel : null,
            metadata.TryGetValue(ProviderReferenceKey, out var providerReference) ? providerReference : null,
            Instant(metadata, DispatchedAtKey),
            Instant(metadata, SendingSinceKey),
            version);
    }

    private static DateTimeOffset? Instant(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
