using System.Globalization;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Appointments;

/// <summary>
/// Where a list of appointments, soonest first, left off: the start and id of the last one shown. Written into the
/// "next page" link as <c>{UTC ticks}.{id}</c>; ties on the start are broken by id, so no appointment is shown twice or skipped.
/// </summary>
public sealed record AppointmentCursor(DateTimeOffset StartsAt, string Id)
{
    public static AppointmentCursor After(AppointmentEntity appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return new(appointment.StartsAt.ToUniversalTime(), appointment.Id);
    }

    public string Text => string.Create(CultureInfo.InvariantCulture, $"{StartsAt.UtcTicks}.{Id}");

    /// <summary>Null for anything that is not a cursor this app wrote.</summary>
    public static AppointmentCursor? Parse(string? text)
    {
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot < 1
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || text![(dot + 1)..] is not { } id
            || !TableKeys.IsUsable(id))
        {
            return null;
        }

        return new(new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }

    public static int Compare(AppointmentEntity? a, AppointmentEntity? b)
        => a is null || b is null ? Comparer<object>.Default.Compare(a, b) : Compare(a, After(b));

    public static int Compare(AppointmentEntity appointment, AppointmentCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(cursor);
        var byTime = appointment.StartsAt.UtcTicks.CompareTo(cursor.StartsAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(appointment.Id, cursor.Id);
    }
}
