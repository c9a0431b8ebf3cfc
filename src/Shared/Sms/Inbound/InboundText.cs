namespace Pilot.Shared.Sms.Inbound;

/// <summary>A text a parent sent us, as a provider's webhook reported it. <paramref name="From"/> as the provider gave it.</summary>
public sealed record InboundText(string From, string Body, string Provider, string ProviderMessageId, DateTimeOffset ReceivedAt);

/// <summary>What became of an inbound text.</summary>
public enum InboundOutcome
{
    OptedOut,
    OptedIn,

    /// <summary>STOP from a parent already opted out, or START from one who never was: nothing changes, nothing is sent.</summary>
    NoChange,

    /// <summary>Stored for the adviser (and answered, at most once a day).</summary>
    Stored,

    /// <summary>From a number no parent has: stored as unmatched, never answered.</summary>
    Unmatched,

    /// <summary>The same provider message id was handled before (a webhook delivered twice).</summary>
    Duplicate,

    /// <summary>Understood and answered by a capability (<see cref="IInboundReplyHandler"/>), e.g. a WFI letter's choice.</summary>
    Handled,
    /// <summary>"JOBS OFF": vacancy alerts turned off (reminders untouched), confirmed with one text.</summary>
    AlertsOff,

    /// <summary>"JOBS ON": vacancy alerts back on, confirmed with one text.</summary>
    AlertsOn,
}
