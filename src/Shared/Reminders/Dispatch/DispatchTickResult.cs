namespace Pilot.Shared.Reminders.Dispatch;

/// <summary>What one dispatch tick did: the figures the bench and the tests check.</summary>
public sealed record DispatchTickResult(int MinutesRead, int EntitiesRead, int Enqueued, int MarkedQueued, DateTimeOffset? ReadUpTo);
