namespace Pilot.Shared.Sms.Outbound;

/// <summary>What handling one send-queue message did.</summary>
public enum SendOutcome
{
    Sent,
    /// <summary>An interrupted earlier send was found at the provider and recorded, not repeated.</summary>
    Settled,
    AlreadyDone,
    Cancelled,
    /// <summary>Due in quiet hours when it came to be sent: moved to the end of quiet hours.</summary>
    Deferred,
    Missing,

    /// <summary>Its number has had its cap of texts in the last 60 minutes: left as it is, a delayed message brings it back as a slot frees.</summary>
    HeldForHourlyCap,
    /// <summary>Another worker holds the send, or the provider's answer is unknown: a delayed message will look again.</summary>
    CheckLater,

    /// <summary>Every provider failed it technically: a delayed message tries again (for up to four hours, then it fails).</summary>
    RetryLater,

    /// <summary>Every provider kept failing it technically for four hours: failed, technical-failure.</summary>
    Failed,
}
