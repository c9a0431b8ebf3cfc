using System.Globalization;
using Pilot.Shared.Time;

namespace Pilot.Shared.WfiInvitations;

/// <summary>The reply date: a London calendar date; answers are taken until the end of that day.</summary>
public static class RespondByDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The first instant after the reply date (midnight London time at its end).</summary>
    public static DateTimeOffset EndOf(DateOnly date) => LondonTime.FromLocal(date.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    public static DateTimeOffset EndOf(string text) => EndOf(DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture));

    public static DateOnly LondonDate(DateTimeOffset instant) => DateOnly.FromDateTime(LondonTime.ToLocal(instant).DateTime);

    public static string Text(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
