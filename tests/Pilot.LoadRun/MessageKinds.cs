namespace Pilot.LoadRun;

/// <summary>The kinds of message the run offers, as they appear in its figures.</summary>
public static class MessageKinds
{
    public const string Confirmation = "confirmation";
    public const string Reminder = "reminder-2h";
    public const string Alert = "vacancy-alert";
    public const string Letter = "wfi-letter";
    public const string CompanionText = "wfi-text";

    public static readonly IReadOnlyList<string> All = [Confirmation, Reminder, Alert, Letter, CompanionText];
}

/// <summary>
/// One message the run caused. <paramref name="EligibleAt"/> is when it became eligible to go, as the runner stamped
/// it: a confirmation's due time (the booking's instant; the booking queues it before answering), a reminder's due
/// time (the minute the tick queues it), an alert's due time (when the alert timer planned it: the timer queues it
/// then), an invitation's <c>requestedAt</c> for its letter and companion text (the
/// letter job is queued before the POST answers). <paramref name="ActionAt"/> is when the run did what caused it (the
/// POST; for a reminder, which nothing in the run causes, its due time).
/// <paramref name="Key"/> names it across the run: a text's id in the Texts table (our message id less its due
/// minute), the companion text's message id, or <c>letter:</c> and the letter's reference.
/// </summary>
public sealed record OfferedMessage(string Key, string Kind, DateTimeOffset EligibleAt, DateTimeOffset ActionAt);

/// <summary>The first time a provider simulator accepted a message (Twilio, ACS, or Notify for letters).</summary>
public sealed record Completion(string Key, string Provider, DateTimeOffset ReceivedAt);

/// <summary>One look at the runner and its queues, Azurite's and the runner's CPU time so far, and the machine's load average.</summary>
public sealed record LoadSample(
    DateTimeOffset At, long? ResidentBytes, int SendQueue, int LetterQueue, int FeedQueue, int PoisonMessages, double? RunnerCpuSeconds, double? AzuriteCpuSeconds, double? LoadAverage);
