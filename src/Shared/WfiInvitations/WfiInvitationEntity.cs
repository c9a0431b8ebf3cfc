using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.WfiInvitations;

/// <summary>
/// One invitation. PartitionKey is the Jobcentre office that sent it, so an office reads only its own
/// (a point read with the office from its credential cannot reach another office's row); RowKey is its id.
/// </summary>
public sealed class WfiInvitationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Id => RowKey;

    public string OfficeId => PartitionKey;

    public string Reference { get; set; } = "";

    public string ParentId { get; set; } = "";

    public string Status { get; set; } = WfiInvitationStatuses.Requested;

    public string JobcentreVenueId { get; set; } = "";

    public DateTimeOffset JobcentreStartsAt { get; set; }

    public string CentreVenueId { get; set; } = "";

    public DateTimeOffset CentreStartsAt { get; set; }

    /// <summary>London date, yyyy-MM-dd: answers are taken until the end of that day.</summary>
    public string RespondBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>"api" or "bulk".</summary>
    public string RequestedThrough { get; set; } = "api";

    public DateTimeOffset? LetterReadyAt { get; set; }

    public string? LetterBlob { get; set; }

    public DateTimeOffset? PostedAt { get; set; }

    public string? DispatchChannel { get; set; }

    public string? DispatchReference { get; set; }

    /// <summary>
    /// What became of the companion text: "sent" (a provider took it), "no-mobile", "opted-out", another reason the
    /// sender cancelled it, or "failed"; null until the letter is posted and while the text waits to be sent.
    /// </summary>
    public string? CompanionText { get; set; }


    public string? Choice { get; set; }

    public string? ChoiceMethod { get; set; }

    public DateTimeOffset? ChosenAt { get; set; }

    /// <summary>How many times a choice was booked; the next appointment id is <c>{id}-{n+1}</c>.</summary>
    public int Bookings { get; set; }

    /// <summary>Choices made on the web; a choice link whose use number differs is spent (each link takes one choice).</summary>
    public int WebChoices { get; set; }

    public string? AppointmentId { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Recorded by the office after the interview; null while unknown.</summary>
    public bool? Attended { get; set; }
}
