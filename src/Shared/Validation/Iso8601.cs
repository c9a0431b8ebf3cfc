using System.Globalization;
using System.Text.RegularExpressions;

namespace Pilot.Shared.Validation;

public static partial class Iso8601
{
    /// <summary>
    /// Parses an ISO 8601 date-time that states its offset (<c>Z</c> or <c>+01:00</c>). A local time
    /// without an offset is refused: across a clock change it would be ambiguous.
    /// </summary>
    public static bool TryParseWithOffset(string? value, out DateTimeOffset instant)
    {
        instant = default;
        return value is not null
            && WithOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WithOffset();
}
