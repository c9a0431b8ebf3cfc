using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Bulk;

namespace Pilot.Shared.Venues;

/// <summary>
/// The columns of the venue CSV (<c>POST /api/venues</c>), one venue a row, and how a row becomes a
/// <see cref="VenueRequest"/>. Errors name the column: <c>addressLine2</c>, <c>openingTimes</c>, <c>creche</c>.
/// </summary>
public static class VenueCsv
{
    public static readonly IReadOnlyList<string> All =
    [
        "id", "kind", "name", "localAuthority", "site", "hubId", "addressLine1", "addressLine2", "addressLine3", "addressLine4",
        "postcode", "phone", "openingTimes", "openingHours", "creche", "childFriendlyRoom",
    ];

    public static readonly IReadOnlyList<string> Required = ["id", "kind", "name", "localAuthority", "addressLine1", "postcode", "phone", "openingTimes"];

    private static readonly string[] AddressColumns = ["addressLine1", "addressLine2", "addressLine3", "addressLine4"];

    /// <summary>Column name → index; errors (naming <c>header</c>) for an unknown, repeated or missing column.</summary>
    public static IReadOnlyDictionary<string, int> ReadHeader(IReadOnlyList<string> header, List<FieldError> errors)
        => CsvHeader.Read(header, All, Required, errors);

    /// <returns>The row's id and request; problems only the CSV form can have (a field count, an unreadable cell) go to <paramref name="errors"/>.</returns>
    public static (string? Id, VenueRequest Request) ToRequest(CsvRecord record, IReadOnlyDictionary<string, int> columns, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(errors);
        string? Get(string column) => columns.TryGetValue(column, out var i) && i < record.Fields.Count && record.Fields[i].Trim() is { Length: > 0 } v ? v : null;

        if (record.Fields.Count != columns.Count)
        {
            errors.Add(new FieldError("row", $"has {record.Fields.Count} fields; the header has {columns.Count}"));
        }

        var openingTimes = OpeningTimesText.Parse(Get("openingTimes"), out var timesError);
        if (timesError is not null)
        {
            errors.Add(new FieldError("openingTimes", timesError));
        }

        var facilities = new VenueFacilitiesRequest(YesNo(Get("creche"), "creche", errors), YesNo(Get("childFriendlyRoom"), "childFriendlyRoom", errors));
        var request = new VenueRequest(
            null, Get("kind"), Get("name"), Get("localAuthority"), Get("site"), Get("hubId"),
            AddressColumns.Select(Get).Where(l => l is not null).ToList(), Get("postcode"), Get("phone"),
            openingTimes ?? [], Get("openingHours"), facilities);
        return (Get("id"), request);
    }

    /// <summary>A request field as the CSV column it came from.</summary>
    public static FieldError ToColumn(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Field = error.Field switch
            {
                "addressLines" => "addressLine1",
                var f when f.StartsWith("addressLines[", StringComparison.Ordinal) => $"addressLine{int.Parse(f[13..^1], System.Globalization.CultureInfo.InvariantCulture) + 1}",
                var f when f.StartsWith("openingTimes", StringComparison.Ordinal) => "openingTimes",
                "facilities.creche" => "creche",
                "facilities.childFriendlyRoom" => "childFriendlyRoom",
                var f => f,
            },
        };
    }

    private static bool? YesNo(string? value, string column, List<FieldError> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "false" or "no" or "n":
                return false;
            case "true" or "yes" or "y":
                return true;
            default:
                errors.Add(new FieldError(column, "must be true or false (or empty: false)"));
                return null;
        }
    }
}
