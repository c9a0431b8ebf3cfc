using Pilot.Shared.Time;

namespace Pilot.Shared.Reminders.Planning;

/// <summary>
/// Decides which texts go about an appointment and when, so parents hear about a booking
/// straight away, are reminded at useful times, are never texted at night, and are never sent
/// two texts close together.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>Texts for one appointment are at least this far apart.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(60);

    /// <summary>A new booking: the confirmation plus the reminders.</summary>
    public static IReadOnlyList<PlannedText> PlanBooking(DateTimeOffset startsAt, DateTimeOffset now, ReminderSchedule schedule, QuietHours quiet) =>
        Plan(TextKinds.Confirmation, startsAt, now, schedule, quiet);

    /// <summary>A moved appointment: a "rescheduled" notice (in place of the confirmation) plus reminders for the new time.</summary>
    public static IReadOnlyList<PlannedText> PlanReschedule(DateTimeOffset newStartsAt, DateTimeOffset now, ReminderSchedule schedule, QuietHours quiet) =>
        Plan(TextKinds.Rescheduled, newStartsAt, now, schedule, quiet);

    /// <summary>
    /// A cancelled appointment: just the "cancelled" notice, due now or at the end of quiet hours.
    /// It is never dropped, even when that is after the start: a parent who was not told may still
    /// turn up, and late news of a cancellation is better than none.
    /// </summary>
    public static IReadOnlyList<PlannedText> PlanCancellation(DateTimeOffset startsAt, DateTimeOffset now, QuietHours quiet)
    {
        ArgumentNullException.ThrowIfNull(quiet);
        return [new PlannedText(TextKinds.Cancelled, quiet.EndOfQuietPeriodContaining(now).ToUniversalTime())];
    }

    private static List<PlannedText> Plan(string noticeKind, DateTimeOffset startsAt, DateTimeOffset now, ReminderSchedule schedule, QuietHours quiet)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(quiet);
        if (startsAt <= now)
        {
            return [];
        }

        var candidates = new List<Candidate>();

        // The notice waits out quiet hours; if that means it would arrive at or after the start it is pointless.
        var noticeDue = quiet.EndOfQuietPeriodContaining(now);
        if (noticeDue < startsAt)
        {
            candidates.Add(new Candidate(noticeKind, noticeDue, noticeDue, IsNotice: true));
        }

        foreach (var (kind, due) in ReminderTimes(startsAt, schedule))
        {
            // A reminder whose time has already passed is skipped, not sent late:
            // a booking made inside a reminder's window gets just the confirmation.
            if (due <= now || due >= startsAt)
            {
                continue;
            }

            if (MoveOutOfQuietHours(due, startsAt, now, quiet) is { } allowed)
            {
                candidates.Add(new Candidate(kind, allowed, due, IsNotice: false));
            }
        }

        return [.. SpaceOut(candidates).Select(c => new PlannedText(c.Kind, c.DueAt.ToUniversalTime()))];
    }

    private static IEnumerable<(string Kind, DateTimeOffset Due)> ReminderTimes(DateTimeOffset startsAt, ReminderSchedule schedule)
    {
        var localStart = LondonTime.ToLocal(startsAt).DateTime;

        // "N days before" keeps the wall-clock time, so a 10:00 appointment is reminded at 10:00
        // the day before even when the clocks change in between (23 or 25 elapsed hours).
        foreach (var days in schedule.DaysBefore.Distinct())
        {
            yield return (TextKinds.DaysBefore(days), LondonTime.FromLocal(localStart.AddDays(-days)));
        }

        // "N hours before" is elapsed time: "in two hours" must stay true across a clock change.
        foreach (var hours in schedule.HoursBefore.Distinct())
        {
            yield return (TextKinds.HoursBefore(hours), startsAt - TimeSpan.FromHours(hours));
        }
    }

    /// <summary>
    /// A reminder due in quiet hours moves to whichever edge of that quiet period is nearer its
    /// original time (the earlier on a tie): one minute before the period began, or its end if
    /// that is still before the appointment. An edge at or before now is in the past and cannot be used.
    /// </summary>
    private static DateTimeOffset? MoveOutOfQuietHours(DateTimeOffset due, DateTimeOffset startsAt, DateTimeOffset now, QuietHours quiet)
    {
        if (!quiet.IsQuiet(due))
        {
            return due;
        }

        DateTimeOffset? best = null;
        foreach (var candidate in new[] { quiet.LastAllowedBeforeQuietPeriodContaining(due), quiet.EndOfQuietPeriodContaining(due) })
        {
            if (candidate <= now || candidate >= startsAt || quiet.IsQuiet(candidate))
            {
                continue;
            }

            // The earlier edge is considered first, so keeping it on equal distance makes ties go early.
            if (best is null || (candidate - due).Duration() < (best.Value - due).Duration())
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// Keeps texts at least <see cref="MinimumGap"/> apart, walking them in time order and
    /// comparing each with the last one kept. The confirmation or notice always stays. A reminder
    /// too close after the notice is dropped; a reminder too close after another reminder replaces
    /// it, because the later one, nearer the appointment, is the more useful. Exactly 60 minutes apart is allowed.
    /// </summary>
    private static List<Candidate> SpaceOut(List<Candidate> candidates)
    {
        // Notice first at equal times; among reminders at one time, the one originally due later
        // (nearer the appointment) comes last so that it is the one kept.
        var ordered = candidates
            .OrderBy(c => c.DueAt)
            .ThenBy(c => c.IsNotice ? 0 : 1)
            .ThenBy(c => c.OriginalDue)
            .ThenBy(c => c.Kind, StringComparer.Ordinal);

        var kept = new List<Candidate>();
        foreach (var candidate in ordered)
        {
            if (candidate.IsNotice)
            {
                // Cannot happen with the rules above (reminders are never due before the notice),
                // but the notice outranks any reminder, so guard the invariant here.
                kept.RemoveAll(k => candidate.DueAt - k.DueAt < MinimumGap);
                kept.Add(candidate);
            }
            else if (kept.Count == 0 || candidate.DueAt - kept[^1].DueAt >= MinimumGap)
            {
                kept.Add(candidate);
            }
            else if (!kept[^1].IsNotice)
            {
                kept[^1] = candidate;
            }
        }

        return kept;
    }

    private sealed record Candidate(string Kind, DateTimeOffset DueAt, DateTimeOffset OriginalDue, bool IsNotice);
}
