using System.Text.Json;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// <c>GET /api/parents/{id}/matches</c>: the open vacancies that fit the parent now, from the
/// catalogue cells within their reach, judged by <see cref="MatchRules.Evaluate"/>. Ranked: known
/// hours before unknown ones, then nearest first.
/// </summary>
public sealed class ParentMatches(ParentStore parents, VacancyStore vacancies, TimeProvider time)
{
    /// <summary>For the parent's own office, or central; another office's parent is not found.</summary>
    public async Task<Outcome<ParentMatchList>> ForParentAsync(Caller caller, string parentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var parent = await parents.GetAsync(parentId, ct);
        if (parent is null || !caller.CanRead(parent.OfficeId))
        {
            return Outcome<ParentMatchList>.NotFound($"No parent {parentId}");
        }

        if (parent.JobSearch is null)
        {
            return Outcome<ParentMatchList>.Conflict("The parent gave no availability, maxTravelKm and travelMode, so nothing can be matched.");
        }

        var search = JsonSerializer.Deserialize<JobSearch>(parent.JobSearch, JsonDefaults.Web)!;
        var start = new GeoPoint(parent.Latitude, parent.Longitude);
        var profile = search.ToProfile(parent.Id, start);
        var now = time.GetUtcNow();
        var found = new List<(VacancyEntity Vacancy, VacancyMatch Match)>();
        foreach (var vacancy in await vacancies.OpenNearAsync(start, search.MaxTravelKm, now, ct))
        {
            if (MatchRules.Evaluate(profile, vacancy.ToMatching()) is { } match)
            {
                found.Add((vacancy, match));
            }
        }

        var ranked = found
            .OrderBy(f => f.Vacancy.Hours is null)
            .ThenBy(f => f.Match.DistanceKm)
            .ThenBy(f => f.Vacancy.Ref, StringComparer.Ordinal)
            .Select(f => new ParentMatch(
                f.Vacancy.Ref,
                f.Vacancy.Title,
                f.Vacancy.Employer,
                Math.Round(f.Match.DistanceKm, 1),
                f.Match.Reason,
                f.Vacancy.HoursText,
                f.Vacancy.ExpiryDate,
                f.Vacancy.ApplyUrl,
                f.Vacancy.ApplyPhone))
            .ToList();
        return Outcome<ParentMatchList>.Ok(new ParentMatchList(parent.Id, ranked));
    }
}

public sealed record ParentMatchList(string ParentId, IReadOnlyList<ParentMatch> Matches);

public sealed record ParentMatch(
    string Ref,
    string Title,
    string Employer,
    double DistanceKm,
    string Reason,
    string HoursText,
    string ExpiryDate,
    string? ApplyUrl,
    string? ApplyPhone);
