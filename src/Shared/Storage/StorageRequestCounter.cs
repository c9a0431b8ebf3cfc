using Azure.Core;
using Azure.Core.Pipeline;

namespace Pilot.Shared.Storage;

/// <summary>
/// Counts every request the storage clients send, by service. The bench and the integration tests
/// read it to prove a timer tick's cost is proportional to the work due, not to the data stored.
/// </summary>
public sealed class StorageRequestCounter
{
    public CountingPolicy Tables { get; } = new();

    public CountingPolicy Queues { get; } = new();

    public CountingPolicy Blobs { get; } = new();

    public StorageRequestSnapshot Snapshot() => new(Tables.Count, Queues.Count, Blobs.Count);

    public sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}

public readonly record struct StorageRequestSnapshot(long Tables, long Queues, long Blobs)
{
    public StorageRequestSnapshot Since(StorageRequestSnapshot earlier)
        => new(Tables - earlier.Tables, Queues - earlier.Queues, Blobs - earlier.Blobs);
}
