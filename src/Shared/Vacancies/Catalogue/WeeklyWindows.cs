using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Hours;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>
/// Checks a list of weekly windows (a parent's availability, a vacancy's structured hours) and turns
/// it into one <see cref="WeeklyPattern"/>. Times must be on the quarter-hour: the patterns count in
/// quarters, and silently rounding what someone typed would change what they told us.
/// </summary>
public static class WeeklyWindows
{
    public const int MaxWindows = 14;

    public static WeeklyPattern? Check(IReadOnlyList<WeeklyWindowRequest?>? windows, string field, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (windows is null || windows.Count == 0)
        {
            errors.Add(new FieldError(field, "must have at least one window like {\"days\":[\"Mon\"],\"from\":\"09:15\",\"to\":\"14:45\"}"));
            return null;
        }

        if (windows.Count > MaxWindows)
        {
            errors.Add(new FieldError(field, $"must have at most {MaxWindows} windows"));
            return null;
        }

        var before = errors.Count;
        var parsed = new List<AvailabilityWindow>();
        for (var i = 0; i < windows.Count; i++)
        {
            var name = $"{field}[{i}]";
            if (windows[i] is not { } window)
            {
                errors.Add(new FieldError(name, "is required"));
                continue;
            }

            if (window.Days is not { Count: > 0 } days || days.Any(d => d is null))
            {
                errors.Add(new FieldError($"{name}.days", "must list days, like [\"Mon\",\"Tue\"]"));
                continue;
            }

            var timesOk = CheckQuarter(window.From, $"{name}.from", errors) & CheckQuarter(window.To, $"{name}.to", errors);
            if (!timesOk)
            {
                continue;
            }

            if (!AvailabilityWindow.TryCreate(days!, window.From!, window.To!, out var created) || created is null)
            {
                errors.Add(new FieldError($"{name}.days", "must be day names Mon, Tue, Wed, Thu, Fri, Sat or Sun"));
                continue;
            }

            if (created.From == created.To)
            {
                errors.Add(new FieldError($"{name}.to", "must differ from from"));
                continue;
            }

            parsed.Add(created);
        }

        return errors.Count > before ? null : AvailabilityWindow.ToPattern(parsed);
    }

    private static bool CheckQuarter(string? value, string field, List<FieldError> errors)
    {
        if (value is not { Length: 5 } || value[2] != ':'
            || !int.TryParse(value.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(value.AsSpan(3, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minute)
            || hour > 23 || minute % 15 != 0 || minute > 45)
        {
            errors.Add(new FieldError(field, "must be a time HH:mm on the quarter-hour, like 09:15"));
            return false;
        }

        return true;
    }
}
