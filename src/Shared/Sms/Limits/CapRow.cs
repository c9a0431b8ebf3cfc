using Azure;

namespace Pilot.Shared.Sms.Limits;

/// <summary>A number's row of the hourly cap as read: its key, its last hour, and the ETag to write a claim against (null: no row yet).</summary>
public sealed record CapRow(string Key, NumberHour Hour, ETag? ETag);
