using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Parents;

/// <summary>A record of one consent change (what, given or withdrawn, when, through which channel).</summary>
public sealed class ConsentChangeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Consent { get; set; } = "";

    public bool Given { get; set; }

    public string Channel { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    public static string RowFor(DateTimeOffset at, string consent) => $"consent-{at.UtcTicks:D19}-{consent}";
}
