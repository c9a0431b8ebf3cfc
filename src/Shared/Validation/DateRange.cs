using System.Globalization;
using Pilot.Shared.Time;

namespace Pilot.Shared.Validation;

/// <summary>An inclusive range of London dates, and the refusal that names a field outside it.</summary>
public readonly record struct DateRange(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>
    /// Whether the instant falls on a London day in the range. Compared as instants, so an instant at
    /// the edge of what <see cref="DateTimeOffset"/> holds is never converted to London time first.
    /// </summary>
    public bool Contains(DateTimeOffset instant)
        => instant >= LondonTime.FromLocal(First.ToDateTime(TimeOnly.MinValue))
            && instant < LondonTime.FromLocal(Last.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public FieldError Refusal(string field) => new(field, $"must be between {Text(First)} and {Text(Last)}");

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
