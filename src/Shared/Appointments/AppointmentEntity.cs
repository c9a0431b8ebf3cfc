using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.Appointments;

/// <summary>
/// An appointment: PartitionKey and RowKey are both its id (see <see cref="Id"/>). <see cref="Version"/> goes up on every reschedule; texts
/// planned for an older version are cancelled. <see cref="TextRefs"/> lists every text ever planned
/// for it, so reading an appointment's texts is point reads, never a scan.
/// </summary>
public sealed class AppointmentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The office that booked it (or whose invitation did): it alone changes it; central reads it.</summary>
    public string? OfficeId { get; set; }

    public string ParentId { get; set; } = "";

    public string VenueId { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public string? AdviserName { get; set; }

    public string Status { get; set; } = AppointmentStatuses.Booked;

    public int Version { get; set; } = 1;

    public DateTimeOffset BookedAt { get; set; }

    public DateTimeOffset? PreviousStartsAt { get; set; }

    /// <summary>JSON array of <see cref="TextRef"/>.</summary>
    public string TextRefs { get; set; } = "[]";

    /// <summary>
    /// The appointment's id, which is both keys. The row key was once one constant for every appointment: as good in
    /// Azure, but Azurite finds a row by its row key first, so each point read of an appointment compared every
    /// appointment stored, and the load run slowed as bookings piled up.
    /// </summary>
    public string Id
    {
        get => PartitionKey;
        init => (PartitionKey, RowKey) = (value, value);
    }

    public IReadOnlyList<TextRef> GetTextRefs() => JsonSerializer.Deserialize<List<TextRef>>(TextRefs, JsonDefaults.Web) ?? [];

    public void AddTextRefs(IEnumerable<TextRef> refs) => TextRefs = JsonSerializer.Serialize(GetTextRefs().Concat(refs).ToList(), JsonDefaults.Web);

    public void ReplaceTextRef(TextRef old, TextRef updated)
        => TextRefs = JsonSerializer.Serialize(GetTextRefs().Select(r => r == old ? updated : r).ToList(), JsonDefaults.Web);
}
