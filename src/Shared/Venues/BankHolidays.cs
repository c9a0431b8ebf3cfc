using System.Collections.Concurrent;
using PublicHoliday;

namespace Pilot.Shared.Venues;

/// <summary>
/// The bank holidays of each UK nation, as the days they are taken (Boxing Day on a Saturday is taken the
/// Monday after), from the maintained PublicHoliday package (MIT, see NOTICE). Worked out once per nation and year.
/// </summary>
public static class BankHolidays
{
    private static readonly ConcurrentDictionary<(UkNation Nation, int Year), IReadOnlyDictionary<DateOnly, string>> ByYear = new();

    /// <returns>The holiday's name, or null on an ordinary day.</returns>
    public static string? On(UkNation nation, DateOnly date)
        => ByYear.GetOrAdd((nation, date.Year), Load).GetValueOrDefault(date);

    private static IReadOnlyDictionary<DateOnly, string> Load((UkNation Nation, int Year) key)
    {
        var calendar = new UKBankHoliday(key.Nation switch
        {
            UkNation.Wales => UKBankHoliday.UkCountries.Wales,
            UkNation.Scotland => UKBankHoliday.UkCountries.Scotland,
            UkNation.NorthernIreland => UKBankHoliday.UkCountries.NorthernIreland,
            _ => UKBankHoliday.UkCountries.England,
        });
        var names = calendar.PublicHolidaysInformation(key.Year).ToDictionary(h => DateOnly.FromDateTime(h.ObservedDate), h => h.Name);
        return calendar.PublicHolidays(key.Year).Select(DateOnly.FromDateTime).Distinct()
            .ToDictionary(d => d, d => names.GetValueOrDefault(d) ?? "bank holiday");
    }
}
