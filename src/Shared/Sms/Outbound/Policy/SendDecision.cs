namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>What <see cref="SendPolicy"/> says to do with one text now; <see cref="TextSender"/> carries it out.</summary>
public abstract record SendDecision;

/// <summary>Nothing to do: the text was sent, delivered, failed or cancelled already.</summary>
public sealed record AlreadyDone : SendDecision;

/// <summary>Another worker holds the send, or a backoff runs: look again at <paramref name="At"/>.</summary>
public sealed record LookLater(DateTimeOffset At) : SendDecision;

/// <summary>An interrupted send whose lease has ended: ask the providers whether they took it before anything else.</summary>
public sealed record Settle : SendDecision;

/// <summary>A send-time check failed: the text is cancelled, for this reason.</summary>
public sealed record Cancel(string Reason) : SendDecision;

/// <summary>Quiet hours: the text waits until they end, at <paramref name="Until"/>.</summary>
public sealed record DeferUntil(DateTimeOffset Until) : SendDecision;

/// <summary>Its number has had its texts in the last 60 minutes: it waits until the next slot frees, at <paramref name="Until"/>.</summary>
public sealed record HoldUntil(DateTimeOffset Until) : SendDecision;

/// <summary>Send it now: this body to this number; a repeat of an attempt no provider took keeps its id.</summary>
public sealed record Send(string To, string Body, bool IsRepeat) : SendDecision;
