using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Matching;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Venues;

/// <summary>
/// Checks a venue an operator loads (PUT, a CSV row, the demo file) against the venues already known, and
/// turns it into the <see cref="Venue"/> to store. Pure: the caller passes what is stored.
/// </summary>
public static class VenueValidation
{
    public const int MaxIdLength = 64;
    public const int MaxAddressLines = 4;

    /// <summary>An id is a safe table key and readable in a URL: lower-case letters, digits and inner hyphens.</summary>
    public static bool IsValidId(string? id)
        => id is { Length: > 0 and <= MaxIdLength }
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && id[0] != '-' && id[^1] != '-';

    /// <param name="id">The venue's id (from the address of a PUT, the id column of a CSV row).</param>
    /// <param name="known">Every venue stored (and, for a file, those accepted on earlier rows), by id.</param>
    /// <returns>The venue to store, or null with the reasons added to <paramref name="errors"/>.</returns>
    public static Venue? Check(string? id, VenueRequest? request, IReadOnlyDictionary<string, Venue> known, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add(new FieldError("body", "a JSON object is required"));
            return null;
        }

        var before = errors.Count;
        if (!IsValidId(id))
        {
            errors.Add(new FieldError("id", $"must be 1-{MaxIdLength} lower-case letters, digits and hyphens, like cc-lambeth-stockwell"));
        }
        else if (request.Id is not null && request.Id != id)
        {
            errors.Add(new FieldError("id", $"must be the id in the address ({id}) when given"));
        }

        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (kind is not (VenueKinds.Centre or VenueKinds.Jobcentre))
        {
            errors.Add(new FieldError("kind", "must be centre or jobcentre"));
        }

        var name = TextField.Check(request.Name, "name", 80, errors);
        var localAuthority = TextField.Check(request.LocalAuthority, "localAuthority", 60, errors);
        var (site, hubId) = CheckSite(id, kind, request, known, errors);
        var lines = CheckAddress(request.AddressLines, errors);

        string? postcode = null;
        if (string.IsNullOrWhiteSpace(request.Postcode))
        {
            errors.Add(new FieldError("postcode", "is required"));
        }
        else if (!PostcodeDirectory.Default.TryResolve(request.Postcode, out var location, out var postcodeError) || location is null)
        {
            errors.Add(new FieldError("postcode", postcodeError ?? "is not a known UK postcode"));
        }
        else
        {
            postcode = location.Postcode;
        }

        var phone = VenuePhone.Normalise(request.Phone);
        if (phone is null)
        {
            errors.Add(new FieldError("phone", string.IsNullOrWhiteSpace(request.Phone) ? "is required" : VenuePhone.InvalidMessage));
        }

        var windows = CheckOpeningTimes(request.OpeningTimes, errors);
        var openingHours = TextField.Check(request.OpeningHours, "openingHours", 120, errors, required: false);
        var facilities = new VenueFacilities(request.Facilities?.Creche ?? false, request.Facilities?.ChildFriendlyRoom ?? false);

        if (errors.Count > before || kind is null || name is null || localAuthority is null || lines is null || postcode is null || phone is null || windows is null)
        {
            return null;
        }

        return new Venue(id!, kind, name, localAuthority, site, hubId, lines, postcode, phone, windows, openingHours ?? OpeningTimesText.Write(windows), facilities);
    }

    private static (string? Site, string? HubId) CheckSite(string? id, string? kind, VenueRequest request, IReadOnlyDictionary<string, Venue> known, List<FieldError> errors)
    {
        var site = string.IsNullOrWhiteSpace(request.Site) ? null : request.Site.Trim().ToLowerInvariant();
        var hubId = string.IsNullOrWhiteSpace(request.HubId) ? null : request.HubId.Trim();
        if (kind != VenueKinds.Centre)
        {
            if (kind == VenueKinds.Jobcentre && site is not null)
            {
                errors.Add(new FieldError("site", "is only for a children's centre: leave it out for a jobcentre"));
            }

            if (kind == VenueKinds.Jobcentre && hubId is not null)
            {
                errors.Add(new FieldError("hubId", "is only for a children's centre's outreach site"));
            }
        }
        else if (site is not (VenueSites.Hub or VenueSites.Outreach))
        {
            errors.Add(new FieldError("site", "must be hub or outreach for a children's centre"));
        }
        else if (site == VenueSites.Hub && hubId is not null)
        {
            errors.Add(new FieldError("hubId", "is only for an outreach site: leave it out for a hub"));
        }
        else if (site == VenueSites.Outreach)
        {
            if (hubId is null)
            {
                errors.Add(new FieldError("hubId", "is required for an outreach site: the id of its hub centre"));
            }
            else if (hubId == id)
            {
                errors.Add(new FieldError("hubId", "must be another venue: an outreach site is not its own hub"));
            }
            else if (known.GetValueOrDefault(hubId) is not { Kind: VenueKinds.Centre, Site: VenueSites.Hub } hub)
            {
                errors.Add(new FieldError("hubId", "must be the id of a hub children's centre already loaded (or on an earlier row of the file)"));
            }
            else if (hub.Retired && known.GetValueOrDefault(id ?? "")?.HubId != hubId)
            {
                // A site already under that hub may still be corrected; none is newly put under a closed hub.
                errors.Add(new FieldError("hubId", "is a retired centre"));
            }
        }

        // A hub that stops being one would leave its outreach sites pointing at nothing.
        if (id is not null && known.GetValueOrDefault(id) is { Site: VenueSites.Hub } && !(kind == VenueKinds.Centre && site == VenueSites.Hub))
        {
            var outreach = known.Values.Where(v => v.HubId == id && !v.Retired).Select(v => v.Id).Order(StringComparer.Ordinal).ToList();
            if (outreach.Count > 0)
            {
                errors.Add(new FieldError("site", $"this venue is the hub of {string.Join(", ", outreach)}: give them another hub first"));
            }
        }

        return (site, site == VenueSites.Outreach ? hubId : null);
    }

    private static List<string>? CheckAddress(IReadOnlyList<string?>? lines, List<FieldError> errors)
    {
        if (lines is not { Count: > 0 and <= MaxAddressLines })
        {
            errors.Add(new FieldError("addressLines", $"must have 1 to {MaxAddressLines} lines (the postcode apart)"));
            return null;
        }

        var before = errors.Count;
        var checkedLines = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (TextField.Check(lines[i], $"addressLines[{i}]", 60, errors) is { } line)
            {
                checkedLines.Add(line);
            }
        }

        return errors.Count > before ? null : checkedLines;
    }

    private static List<OpeningWindow>? CheckOpeningTimes(IReadOnlyList<WeeklyWindowRequest?>? windows, List<FieldError> errors)
    {
        var before = errors.Count;
        if (WeeklyWindows.Check(windows, "openingTimes", errors) is not { } pattern)
        {
            return null;
        }

        var result = new List<OpeningWindow>();
        for (var i = 0; i < windows!.Count; i++)
        {
            var window = windows[i]!;
            _ = AvailabilityWindow.TryCreate(window.Days!.Select(d => d!), window.From!, window.To!, out var parsed);
            if (parsed!.To <= parsed.From)
            {
                errors.Add(new FieldError($"openingTimes[{i}].to", "must be after from: a venue's window ends the day it starts"));
                continue;
            }

            var days = parsed.Days.Distinct().OrderBy(WeeklyPattern.DayIndex).Select(DayName).ToList();
            result.Add(new OpeningWindow(days, window.From!, window.To!));
        }

        return errors.Count > before || pattern.IsEmpty ? null : result;
    }

    private static string DayName(DayOfWeek day) => day.ToString()[..3];
}
