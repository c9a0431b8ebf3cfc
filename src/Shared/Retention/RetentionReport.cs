namespace Pilot.Shared.Retention;

/// <summary>What one purge removed: bodies cleared from texts and the outbox, replies deleted.</summary>
public sealed record RetentionReport(DateTimeOffset Cutoff, int TextsCleared, int OutboxCleared, int RepliesDeleted);
