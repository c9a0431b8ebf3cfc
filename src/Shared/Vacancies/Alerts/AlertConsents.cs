using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Parents;
using Pilot.Shared.Phones;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// "JOBS OFF" and "JOBS ON": alerts only, reminders untouched. The change is recorded in the
/// consent history like STOP and START, and the parent's alert profile is removed or put back so
/// the timer stops (or starts) reading them.
/// </summary>
public sealed class AlertConsents(ParentStore parents, AlertProfileStore profiles, TimeProvider time, ILogger<AlertConsents> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <returns>True when this changed anything; JOBS ON changes nothing for a parent who never gave a job search.</returns>
    public async Task<bool> SetAsync(string parentId, bool optIn, string channel, CancellationToken ct)
    {
        DateTimeOffset? tried = null;
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var parent = await parents.GetAsync(parentId, ct);
            if (parent is null || parent.JobSearch is null)
            {
                return false;
            }

            // A refused replace followed by the row showing exactly what we wrote (the value and its time) is our own
            // write applied with its answer lost (as ParentConsents does for STOP): recorded, its profile changed and
            // confirmed, not taken for "no change". Another JOBS OFF that won the race wrote another time: no change.
            var ours = tried is { } at && parent.AlertsOptIn == optIn && parent.AlertsChangedAt == at;
            var now = ours ? tried!.Value : time.GetUtcNow();
            if (!ours)
            {
                if (parent.AlertsOptIn == optIn)
                {
                    return false;
                }

                parent.AlertsOptIn = optIn;
                parent.AlertsChangedAt = now;
                tried = now;
                if (!await parents.TryReplaceAsync(parent, ct))
                {
                    continue;
                }
            }

            await parents.AddConsentChangeAsync(new ConsentChangeEntity
            {
                PartitionKey = parent.Id,
                RowKey = ConsentChangeEntity.RowFor(now, ParentConsents.VacancyAlerts),
                Consent = ParentConsents.VacancyAlerts,
                Given = optIn,
                Channel = channel,
                ChangedAt = now,
            }, ct);
            var search = JsonSerializer.Deserialize<JobSearch>(parent.JobSearch, JsonDefaults.Web)!;
            if (optIn)
            {
                await profiles.UpsertAsync(parent, search, ct);
            }
            else
            {
                await profiles.DeleteAsync(parent, search, ct);
            }

            logger.LogInformation("Parent {ParentId} ({Mobile}) turned vacancy alerts {State} by {Channel}", parent.Id, PhoneMask.Mask(parent.Mobile), optIn ? "on" : "off", channel);
            return true;
        }

        return false;
    }
}
