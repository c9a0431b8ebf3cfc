using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// What a parent told us about the work they could do, as stored (JSON in the parent's profile and
/// in their alert profile). <see cref="Availability"/> is a <see cref="PatternText"/>.
/// </summary>
public sealed record JobSearch(
    string Availability,
    bool TermTimeOnly,
    double MaxTravelKm,
    TravelMode TravelMode,
    IReadOnlyList<string> Interests,
    double? MinHoursPerWeek,
    double? MaxHoursPerWeek,
    bool AcceptUnknownHours,
    int AlertsMaxPerWeek,
    string AlertsMode)
{
    public ParentProfile ToProfile(string parentId, GeoPoint start) => new(
        parentId,
        start,
        MaxTravelKm,
        TravelMode,
        PatternText.Read(Availability),
        TermTimeOnly,
        new HashSet<string>(Interests, StringComparer.OrdinalIgnoreCase),
        MinHoursPerWeek,
        MaxHoursPerWeek,
        AcceptUnknownHours);
}
