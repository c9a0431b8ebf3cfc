namespace Pilot.Shared.WfiInvitations.TakeUp;

/// <summary>The answer to <c>GET /api/mi/wfi</c>.</summary>
public sealed record WfiTakeUp(string From, string To, string GroupBy, IReadOnlyList<WfiTakeUpGroup> Groups, WfiTakeUpGroup Total);

/// <param name="Key">The office id, centre venue id or local authority.</param>
/// <param name="Invitations">Requested in the period (the cohort every other figure counts within).</param>
/// <param name="Sent">Of those, letters posted.</param>
/// <param name="ChoseCentre">Answered with the children's centre.</param>
/// <param name="CentreShare">ChoseCentre / Answered.Total, rounded to 3 places; null when none answered.</param>
public sealed record WfiTakeUpGroup(
    string Key,
    string Name,
    int Invitations,
    int Sent,
    WfiAnswered Answered,
    int ChoseCentre,
    double? CentreShare,
    int Defaulted,
    int Cancelled,
    WfiAttendance Attendance);

public sealed record WfiAnswered(int Total, int Text, int Web, int Phone);

/// <param name="Unknown">Booked (chosen or defaulted) with no attendance recorded yet.</param>
public sealed record WfiAttendance(int Attended, int Missed, int Unknown);
