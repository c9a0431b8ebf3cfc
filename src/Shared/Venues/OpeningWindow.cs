namespace Pilot.Shared.Venues;

/// <summary>
/// One weekly opening window, in London time, as a parent's availability is written:
/// <c>{"days":["Mon","Tue"],"from":"08:30","to":"17:00"}</c>. Days are stored as Mon..Sun and times as HH:mm;
/// a window ends the same day it starts.
/// </summary>
public sealed record OpeningWindow(IReadOnlyList<string> Days, string From, string To);
