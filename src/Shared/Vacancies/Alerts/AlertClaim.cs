namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>What the ledger said to one (parent, vacancy) match.</summary>
public enum AlertClaim
{
    /// <summary>Recorded and counted: the text may be written.</summary>
    Claimed,

    /// <summary>Recorded, and it opened a new daily digest: the digest text must be written.</summary>
    ClaimedNewDigest,

    /// <summary>This parent was alerted to this vacancy before: never twice.</summary>
    AlreadySent,

    /// <summary>The parent's weekly cap is reached; nothing recorded.</summary>
    Capped,
}
