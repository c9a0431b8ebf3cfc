using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// A reply kept for the adviser. PartitionKey: the parent id, or <see cref="Unmatched"/>; RowKey:
/// reverse ticks of when it came, then the provider and its message id, so a partition reads newest first.
/// </summary>
public sealed class InboundTextEntity : ITableEntity
{
    public const string Unmatched = "unmatched";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>E.164 when it parses as a UK mobile, else as the provider gave it.</summary>
    public string From { get; set; } = "";

    public string Body { get; set; } = "";

    public string Provider { get; set; } = "";

    public string ProviderMessageId { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When we told the parent that replies are not read; null when they had been told in the last day.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    public static string RowFor(DateTimeOffset receivedAt, string provider, string providerMessageId)
        => $"{ReverseTicks(receivedAt)}-{provider}-{providerMessageId}";

    /// <summary>Newest first: row keys sort ascending, so the key counts down as time goes on.</summary>
    public static string ReverseTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
