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
    /// <summary>Vacancies by ref (PK ref, RK <c>vacancy</c>).</summary>
    public const string Vacancies = "Vacancies";

    /// <summary>Vacancies by 10 km map cell (PK cell, RK ref): the ones near a parent.</summary>
    public const string VacancyCells = "VacancyCells";

    /// <summary>Vacancies by the UTC minute they arrived (PK yyyyMMddHHmm, RK ref): the alert timer reads only the new minutes.</summary>
    public const string VacancyFeed = "VacancyFeed";

    /// <summary>Opted-in parents' matching profiles by reach band and map cell: the alert timer reads only the cells near new vacancies.</summary>
    public const string AlertProfiles = "AlertProfiles";

    /// <summary>Per parent (PK parent id): one row per vacancy alerted (never twice), weekly counts, and the day's digest.</summary>
    public const string AlertLedger = "AlertLedger";

    /// <summary>Each number's texts in the last 60 minutes (PK the number's HMAC under Sms:NumberKeySecret, <see cref="Sms.Limits.NumberKeys"/>; RK <c>last-hour-</c> and the same hash): the hourly cap.</summary>
    public const string NumberHourCounts = "NumberHourCounts";

    /// <summary>Provider webhook deliveries already acted on (PK provider, RK SHA-256 of the delivery): replays are refused.</summary>
    public const string WebhookReceipts = "WebhookReceipts";

    /// <summary>Anonymised counts of each parent erasure (PK yyyy-MM, RK the erasure id): never the parent's id or details.</summary>
    public const string Erasures = "Erasures";
}
