using Azure.Storage.Queues;

namespace Pilot.LocalRunner.Queues;

/// <summary>host.json <c>extensions.queues</c>, with the host's defaults.</summary>
internal sealed record QueueHostOptions(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    QueueMessageEncoding MessageEncoding)
{
    public const int DefaultBatchSize = 16;

    public const int MaxBatchSize = 32;

    public const int DefaultMaxDequeueCount = 5;

    public static readonly TimeSpan DefaultMaxPollingInterval = TimeSpan.FromMinutes(1);

    /// <summary>The host never polls an idle queue more often than this.</summary>
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public static QueueHostOptions Default { get; } = new(
        DefaultBatchSize,
        DefaultBatchSize / 2,
        DefaultMaxPollingInterval,
        TimeSpan.Zero,
        DefaultMaxDequeueCount,
        QueueMessageEncoding.Base64);
}
