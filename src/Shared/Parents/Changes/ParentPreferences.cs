using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Access;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Areas;

namespace Pilot.Shared.Parents.Changes;

/// <summary>
/// Changes a parent's language and job search: the one service behind the parent's own page, the office console's
/// page and <c>PATCH /api/parents/{id}</c>. Every change is checked as <c>POST /api/parents</c> checks it (the same
/// <see cref="JobSearchValidation"/> and <see cref="PreferredLanguage"/>), alerts turned on or off are recorded in the
/// consent history with the channel (<c>parent-link</c>, or the office's principal), and the parent's alert profile is
/// rewritten, so the next alert run matches on what they now said.
/// </summary>
public sealed class ParentPreferences(ParentStore parents, AlertProfileStore profiles, TimeProvider time, ILogger<ParentPreferences> logger)
{
    /// <summary>The consent channel of a change the parent made on their own page.</summary>
    public const string ParentLinkChannel = "parent-link";

    private const int MaxConcurrencyRetries = 5;

    /// <summary>The caller's own parent (only the office that registered them), or not found: another office's looks the same as none.</summary>
    public async Task<Outcome<ParentEntity>> FindForChangeAsync(Caller caller, string? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var parent = id is null ? null : await parents.GetAsync(id, ct);
        return parent is not null && caller.CanChange(parent.OfficeId)
            ? Outcome<ParentEntity>.Ok(parent)
            : Outcome<ParentEntity>.NotFound("No parent of yours has this id.");
    }

    /// <summary>An office's JSON merge patch (RFC 7396) of the fields of <see cref="ParentChangeRequest"/> over what is stored.</summary>
    public async Task<Outcome<ParentPreferencesView>> PatchAsync(Caller caller, string? id, JsonObject patch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(patch);
        var found = await FindForChangeAsync(caller, id, ct);
        return found.IsOk
            ? await ChangeAsync(found.Value!.Id, current => Merge(current, patch), caller.Principal, ct)
            : Outcome<ParentPreferencesView>.NotFound(found.Detail!);
    }

    /// <summary>An office's change of the whole form (the console page) for one of its own parents.</summary>
    public async Task<Outcome<ParentPreferencesView>> ChangeForOfficeAsync(Caller caller, string? id, ParentChangeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = await FindForChangeAsync(caller, id, ct);
        return found.IsOk
            ? await ChangeAsync(found.Value!.Id, _ => request, caller.Principal, ct)
            : Outcome<ParentPreferencesView>.NotFound(found.Detail!);
    }

    /// <summary>
    /// Checks and stores the request <paramref name="build"/> makes from the parent as stored (read again after a
    /// concurrent change, so a merge is over the latest). Invalid: nothing is stored.
    /// </summary>
    public async Task<Outcome<ParentPreferencesView>> ChangeAsync(string parentId, Func<ParentEntity, ParentChangeRequest> build, string channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(build);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var parent = await parents.GetAsync(parentId, ct);
            if (parent is null)
            {
                return Outcome<ParentPreferencesView>.NotFound("The parent is not on record.");
            }

            var request = build(parent);
            var errors = new List<FieldError>();
            var language = PreferredLanguage.Check(request.PreferredLanguage, errors);
            var (search, alertsOptIn) = JobSearchValidation.Check(request.AsRegistration(), errors);
            if (errors.Count > 0 || language is null)
            {
                return Outcome<ParentPreferencesView>.Invalid(errors);
            }

            var before = ParentPreferencesView.Search(parent);
            var alertsBefore = parent.AlertsOptIn;
            var alertsAfter = alertsOptIn && search is not null;
            parent.PreferredLanguage = language;
            parent.JobSearch = search is null ? null : JsonSerializer.Serialize(search, JsonDefaults.Web);
            parent.AlertsOptIn = alertsAfter;
            if (!await parents.TryReplaceAsync(parent, ct))
            {
                continue;
            }

            var now = time.GetUtcNow();
            if (alertsBefore != alertsAfter)
            {
                await parents.AddConsentChangeAsync(new ConsentChangeEntity
                {
                    PartitionKey = parent.Id,
                    RowKey = ConsentChangeEntity.RowFor(now, ParentConsents.VacancyAlerts),
                    Consent = ParentConsents.VacancyAlerts,
                    Given = alertsAfter,
                    Channel = channel,
                    ChangedAt = now,
                }, ct);
            }

            await RewriteAlertProfileAsync(parent, before, alertsBefore, search, alertsAfter, ct);
            logger.LogInformation(
                "Parent {ParentId}: job search {Search}, alerts {Alerts}, language {Language}, changed by {Channel}",
                parent.Id, search is null ? "none" : "set", alertsAfter ? "on" : "off", language, channel);
            return Outcome<ParentPreferencesView>.Ok(ParentPreferencesView.Of(parent));
        }

        return Outcome<ParentPreferencesView>.Conflict("The parent's record kept changing while this change was made: try again.");
    }

    /// <summary>
    /// The alert timer reads the AlertProfiles row, keyed by the cell of the parent's reach: the new row is written
    /// first while alerts are on, then the old one goes if alerts are off or it sits in another cell (the distance
    /// changed), so a run in between finds the parent at least once and never loses them.
    /// </summary>
    private async Task RewriteAlertProfileAsync(ParentEntity parent, JobSearch? before, bool alertsBefore, JobSearch? after, bool alertsAfter, CancellationToken ct)
    {
        if (alertsAfter && after is not null)
        {
            await profiles.UpsertAsync(parent, after, ct);
        }

        var start = new GeoPoint(parent.Latitude, parent.Longitude);
        if (before is not null && alertsBefore
            && (!alertsAfter || after is null || GeoGrid.ProfilePartition(start, before.MaxTravelKm) != GeoGrid.ProfilePartition(start, after.MaxTravelKm)))
        {
            await profiles.DeleteAsync(parent, before, ct);
        }
    }

    private static ParentChangeRequest Merge(ParentEntity current, JsonObject patch)
    {
        var stored = JsonSerializer.SerializeToNode(ParentPreferencesView.Of(current).AsRequest(), JsonDefaults.Web);
        return JsonMergePatch.Apply(stored, patch).Deserialize<ParentChangeRequest>(JsonDefaults.Web) ?? new ParentChangeRequest();
    }
}
