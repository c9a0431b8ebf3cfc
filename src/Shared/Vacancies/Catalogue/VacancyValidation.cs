using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Time;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Areas;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>
/// Checks one vacancy and builds what is stored. Hours: a structured weekly pattern wins; otherwise
/// the free text is parsed (<see cref="HoursParser"/>) and kept either way, with no pattern when it
/// is unclear. Limits keep an alert text within two fragments (title, employer, apply URL lengths).
/// </summary>
public static partial class VacancyValidation
{
    public const int MaxExpiryDays = 30;
    public const int MaxTitle = 80;
    public const int MaxEmployer = 60;
    public const int MaxApplyUrl = 100;

    private static readonly string[] Periods = ["hour", "week", "month", "year"];

    public static VacancyEntity? Check(VacancyRequest request, DateTimeOffset now, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;

        var reference = request.Ref?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            errors.Add(new FieldError("ref", "is required"));
        }
        else if (!RefPattern().IsMatch(reference))
        {
            errors.Add(new FieldError("ref", "must be 1-50 letters, digits, '.', '_' or '-'"));
        }

        var title = TextField.Check(request.Title, "title", MaxTitle, errors);
        var employer = TextField.Check(request.Employer, "employer", MaxEmployer, errors);
        var category = TextField.Check(request.Category, "category", 50, errors);
        var hoursText = TextField.Check(request.HoursText, "hoursText", 200, errors);

        PostcodeLocation? location = null;
        if (string.IsNullOrWhiteSpace(request.Postcode))
        {
            errors.Add(new FieldError("postcode", "is required"));
        }
        else if (!PostcodeDirectory.Default.TryResolve(request.Postcode, out location, out var postcodeError))
        {
            errors.Add(new FieldError("postcode", postcodeError ?? "is not a known UK postcode"));
        }

        WeeklyPattern? pattern = null;
        if (request.WeeklyPattern is not null)
        {
            pattern = WeeklyWindows.Check(request.WeeklyPattern, "weeklyPattern", errors);
        }

        if (request.HoursPerWeek is { } perWeek && perWeek is <= 0 or > 60)
        {
            errors.Add(new FieldError("hoursPerWeek", "must be more than 0 and at most 60"));
        }

        CheckSalary(request.Salary, errors);
        var keywords = CheckKeywords(request.Keywords, errors);

        DateOnly expiry = default;
        var today = DateOnly.FromDateTime(LondonTime.ToLocal(now).DateTime);
        if (string.IsNullOrWhiteSpace(request.ExpiryDate))
        {
            errors.Add(new FieldError("expiryDate", "is required (yyyy-MM-dd)"));
        }
        else if (!DateOnly.TryParseExact(request.ExpiryDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expiry))
        {
            errors.Add(new FieldError("expiryDate", "must be a date yyyy-MM-dd"));
        }
        else if (!DateBounds.Near(now).Contains(expiry))
        {
            errors.Add(DateBounds.Near(now).Refusal("expiryDate"));
        }
        else if (expiry > today.AddDays(MaxExpiryDays))
        {
            errors.Add(new FieldError("expiryDate", $"must be at most {MaxExpiryDays} days ahead"));
        }

        var applyUrl = request.Apply?.Url?.Trim();
        var applyPhone = request.Apply?.Phone?.Trim();
        if (request.Apply is null || (string.IsNullOrEmpty(applyUrl) && string.IsNullOrEmpty(applyPhone)))
        {
            errors.Add(new FieldError("apply", "needs a url or a phone"));
        }
        else
        {
            if (!string.IsNullOrEmpty(applyUrl)
                && (applyUrl.Length > MaxApplyUrl || !Uri.TryCreate(applyUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                errors.Add(new FieldError("apply.url", $"must be an http(s) address of at most {MaxApplyUrl} characters"));
            }

            if (!string.IsNullOrEmpty(applyPhone) && !PhonePattern().IsMatch(applyPhone))
            {
                errors.Add(new FieldError("apply.phone", "must be a UK phone number, like 020 7946 0000"));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        // The text is parsed even when a structured pattern was given: term time and hours a week may only be in it.
        var clear = HoursParser.TryParse(hoursText!, out var parsed);
        pattern ??= clear ? parsed.Pattern : null;
        var point = location!.Point;
        return new VacancyEntity
        {
            Ref = reference!,
            Title = title!,
            Employer = employer!,
            Postcode = location.Postcode,
            Area = UkPostcode.Outward(location.Postcode),
            Latitude = point.Latitude,
            Longitude = point.Longitude,
            HoursText = hoursText!,
            Hours = pattern is null || pattern.IsEmpty ? null : PatternText.Write(pattern),
            HoursUnclearBecause = pattern is null ? parsed.UnclearBecause ?? "the hours are not stated" : null,
            HoursPerWeek = request.HoursPerWeek ?? parsed.HoursPerWeek,
            TermTimeOnly = request.TermTimeOnly ?? parsed.TermTimeOnly,
            SalaryMin = request.Salary?.Min,
            SalaryMax = request.Salary?.Max,
            SalaryPeriod = request.Salary?.Period?.Trim().ToLowerInvariant(),
            Category = category!,
            Keywords = JsonSerializer.Serialize(keywords.Concat(TitleWords(title!)).Distinct(StringComparer.Ordinal).ToArray()),
            ExpiryDate = expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ExpiresAt = LondonTime.FromLocal(expiry.AddDays(1).ToDateTime(TimeOnly.MinValue)),
            ApplyUrl = string.IsNullOrEmpty(applyUrl) ? null : applyUrl,
            ApplyPhone = string.IsNullOrEmpty(applyPhone) ? null : applyPhone,
            UpdatedAt = now,
            Cell = GeoGrid.VacancyCell(point),
        };
    }

    private static void CheckSalary(SalaryRequest? salary, List<FieldError> errors)
    {
        if (salary is null)
        {
            return;
        }

        if (salary.Min is < 0)
        {
            errors.Add(new FieldError("salary.min", "must not be negative"));
        }

        if (salary.Max is { } max && (max < 0 || (salary.Min is { } min && max < min)))
        {
            errors.Add(new FieldError("salary.max", "must be at least salary.min"));
        }

        if (salary.Period is null || !Periods.Contains(salary.Period.Trim().ToLowerInvariant()))
        {
            errors.Add(new FieldError("salary.period", "must be hour, week, month or year"));
        }
    }

    private static List<string> CheckKeywords(IReadOnlyList<string?>? keywords, List<FieldError> errors)
    {
        var found = new List<string>();
        if (keywords is null)
        {
            return found;
        }

        if (keywords.Count > 20)
        {
            errors.Add(new FieldError("keywords", "must have at most 20 words"));
            return found;
        }

        for (var i = 0; i < keywords.Count; i++)
        {
            if (TextField.Check(keywords[i], $"keywords[{i}]", 40, errors) is { } word)
            {
                found.Add(word.ToLowerInvariant());
            }
        }

        return found;
    }

    /// <summary>The title's words ("School Cleaner" → "school", "cleaner"), so a parent's keyword can find it.</summary>
    private static IEnumerable<string> TitleWords(string title)
        => WordPattern().Matches(title.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex RefPattern();

    [GeneratedRegex(@"^(\+44\s?|0)[0-9 ]{9,13}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
