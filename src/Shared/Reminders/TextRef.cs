namespace Pilot.Shared.Reminders;

/// <summary>Where a text is stored: its due bucket and id. Also the body of a send-queue message.</summary>
public sealed record TextRef(string Bucket, string TextId);
