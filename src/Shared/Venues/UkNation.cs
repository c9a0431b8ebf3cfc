namespace Pilot.Shared.Venues;

/// <summary>The nations of the UK, each with its own bank holidays.</summary>
public enum UkNation
{
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

/// <summary>
/// Which nation a postcode is in, by its area and district. Border districts go to the nation most of the
/// district lies in (SY15-SY25 and CH5-CH8 Wales, the rest of SY and CH England; TD15 England, the rest of TD Scotland).
/// </summary>
public static class UkNations
{
    private static readonly HashSet<string> ScottishAreas = new(StringComparer.Ordinal)
    {
        "AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE",
    };

    private static readonly HashSet<string> WelshAreas = new(StringComparer.Ordinal) { "CF", "LD", "LL", "NP", "SA" };

    /// <param name="postcode">A postcode with its outward code first ("SW9 9SL"); anything unreadable counts as England.</param>
    public static UkNation OfPostcode(string? postcode)
    {
        var outward = (postcode ?? "").Trim().ToUpperInvariant().Split(' ')[0];
        var letters = new string(outward.TakeWhile(char.IsAsciiLetter).ToArray());
        _ = int.TryParse(outward.AsSpan(letters.Length).TrimEnd("ABCDEFGHJKMNPRSTUVWXY"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var district);
        return letters switch
        {
            "BT" => UkNation.NorthernIreland,
            "TD" when district == 15 => UkNation.England,
            _ when ScottishAreas.Contains(letters) => UkNation.Scotland,
            _ when WelshAreas.Contains(letters) => UkNation.Wales,
            "SY" when district is >= 15 and <= 25 => UkNation.Wales,
            "CH" when district is >= 5 and <= 8 => UkNation.Wales,
            _ => UkNation.England,
        };
    }

    public static string Name(UkNation nation) => nation switch
    {
        UkNation.Wales => "Wales",
        UkNation.Scotland => "Scotland",
        UkNation.NorthernIreland => "Northern Ireland",
        _ => "England",
    };
}
