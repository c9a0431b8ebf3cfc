using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.Parents.Changes;

/// <summary>
/// What a parent (through their own page) or their office (through <c>PATCH /api/parents/{id}</c> or the console) may
/// change: the language and the job search, with the field names of <c>POST /api/parents</c>. It is checked by the very
/// validators registration uses, through <see cref="AsRegistration"/>.
/// </summary>
public sealed record ParentChangeRequest(
    string? PreferredLanguage = null,
    IReadOnlyList<WeeklyWindowRequest?>? Availability = null,
    bool? TermTimeOnly = null,
    double? MaxTravelKm = null,
    string? TravelMode = null,
    JobInterestsRequest? JobInterests = null,
    double? MinHoursPerWeek = null,
    double? MaxHoursPerWeek = null,
    bool? AcceptUnknownHours = null,
    AlertsRequest? Alerts = null)
{
    /// <summary>The same fields as a registration carries them, for <see cref="JobSearchValidation"/>.</summary>
    public RegisterParentRequest AsRegistration() => new(
        null, null, null, PreferredLanguage, null, Availability, TermTimeOnly, MaxTravelKm, TravelMode, JobInterests, MinHoursPerWeek, MaxHoursPerWeek, AcceptUnknownHours, Alerts);
}
