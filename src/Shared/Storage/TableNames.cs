namespace Pilot.Shared.Storage;

/// <summary>Every table Pilot keeps (before <see cref="StorageOptions.TablePrefix"/>).</summary>
public static class TableNames
{
    public const string Parents = "Parents";
    public const string Venues = "Venues";
    public const string Appointments = "Appointments";

    /// <summary>Outgoing texts, partitioned by the UTC minute they are due: the dispatch tick reads only due partitions.</summary>
    public const string Texts = "Texts";
    public const string Cursors = "Cursors";

    /// <summary>The embedded outbox SMS gateway's record of every message it "sent".</summary>
    public const string Outbox = "Outbox";

    /// <summary>Replies from parents kept for their adviser, and which provider message ids were handled.</summary>
    public const string InboundTexts = "InboundTexts";

    /// <summary>WFI location-choice invitations, partitioned by the Jobcentre office that sent them.</summary>
    public const string WfiInvitations = "WfiInvitations";

    /// <summary>Look-ups into WfiInvitations: by reference, by parent, and the open ones by reply date.</summary>
    public const string WfiInvitationIndex = "WfiInvitationIndex";
}
