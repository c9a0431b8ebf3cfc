using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Reminders;

/// <summary>
/// One outgoing text for an appointment, stored once: PartitionKey is its due bucket
/// (<see cref="DueBuckets"/>), RowKey its id. The appointment keeps a reference to it.
/// </summary>
public sealed class TextEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AppointmentId { get; set; } = "";

    public int AppointmentVersion { get; set; }

    public string ParentId { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    public string State { get; set; } = TextStates.Scheduled;

    public DateTimeOffset StateChangedAt { get; set; }

    public DateTimeOffset? SendingSince { get; set; }

    public int Attempts { get; set; }

    public string? Provider { get; set; }

    public string? ProviderMessageId { get; set; }

    public int? Fragments { get; set; }

    public string? Encoding { get; set; }

    /// <summary>
    /// GBP, fragments times Sms:PricePerFragment when the provider accepted it. A double because Table
    /// storage has no decimal type; the cost report sums it as decimal rounded to 6 places.
    /// </summary>
    public double? Cost { get; set; }

    /// <summary>The number it went to (E.164); personal data, kept for the retention period only.</summary>
    public string? To { get; set; }

    /// <summary>The last provider or transport error, for operators.</summary>
    public string? LastError { get; set; }

    /// <summary>The text as sent; personal data, kept for the retention period only.</summary>
    public string? Body { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// Set when the provider reported a second message for this text (a receipt naming a provider message id
    /// other than the one recorded): after an ambiguous send the parent may have been texted twice.
    /// </summary>
    public bool DuplicateSuspected { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>For failed: the provider's status (temporary-failure, permanent-failure, technical-failure).</summary>
    public string? FailureReason { get; set; }

    /// <summary>For cancelled: why (appointment-rescheduled, appointment-cancelled, no-consent, appointment-started...).</summary>
    public string? CancelReason { get; set; }

    /// <summary>For a vacancy alert: the vacancies it is about (JSON list of ref and distance).</summary>
    public string? AlertItems { get; set; }

    /// <summary>For a vacancy digest: the London date (yyyy-MM-dd) whose digest it is.</summary>
    public string? DigestDate { get; set; }

    public static string IdFor(string appointmentId, int version, string kind) => $"{appointmentId}-v{version}-{kind}";
}
