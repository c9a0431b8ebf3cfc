namespace Pilot.Shared.Reminders.Planning;

/// <summary>A text to send about an appointment: which kind and when (a UTC instant).</summary>
public sealed record PlannedText(string Kind, DateTimeOffset DueAt);
