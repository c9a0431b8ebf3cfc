using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>What matching needs to know about a parent who opted in to vacancy alerts.</summary>
public sealed record ParentProfile(
    string Id,
    GeoPoint Start,
    double MaxTravelKm,
    TravelMode Mode,
    WeeklyPattern Availability,
    bool TermTimeOnly,
    IReadOnlySet<string> Interests,
    double? MinHours,
    double? MaxHours,
    bool AcceptsUnknownHours);
