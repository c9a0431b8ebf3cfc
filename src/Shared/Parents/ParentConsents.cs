using Microsoft.Extensions.Logging;
using Pilot.Shared.Phones;

namespace Pilot.Shared.Parents;

/// <summary>
/// Opt-out and opt-in: a parent who texts STOP gets no reminders and no optional texts until they
/// text START. Every change is recorded with its time and channel.
/// </summary>
public sealed class ParentConsents(ParentStore parents, TimeProvider time, ILogger<ParentConsents> logger)
{
    private const int MaxConcurrencyRetries = 5;
    public const string OptOut = "opt-out";

    /// <summary>The consent to vacancy alerts (given at registration, withdrawn by "JOBS OFF").</summary>
    public const string VacancyAlerts = "vacancy-alerts";

    /// <returns>True when this changed anything (a second STOP changes nothing).</returns>
    public Task<bool> OptOutAsync(string parentId, string channel, CancellationToken ct) => SetAsync(parentId, optedOut: true, channel, ct);

    public Task<bool> OptInAsync(string parentId, string channel, CancellationToken ct) => SetAsync(parentId, optedOut: false, channel, ct);

    private async Task<bool> SetAsync(string parentId, bool optedOut, string channel, CancellationToken ct)
    {
        DateTimeOffset? tried = null;
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var parent = await parents.GetAsync(parentId, ct);
            if (parent is null)
            {
                return false;
            }

            // A refused replace may be our own write, applied by storage with its answer lost (the SDK's retry then
            // meets its changed ETag): the row shows exactly what we wrote (an opt-out its time), so it is recorded and
            // confirmed as ours rather than taken for an earlier change.
            var ours = tried is { } at && (optedOut ? parent.OptedOutAt == at : parent.OptedOutAt is null);
            var now = ours ? tried!.Value : time.GetUtcNow();
            if (!ours)
            {
                if ((parent.OptedOutAt is not null) == optedOut)
                {
                    return false;
                }

                parent.OptedOutAt = optedOut ? now : null;
                tried = now;
                if (!await parents.TryReplaceAsync(parent, ct))
                {
                    continue;
                }
            }

            await parents.AddConsentChangeAsync(new ConsentChangeEntity
            {
                PartitionKey = parent.Id,
                RowKey = ConsentChangeEntity.RowFor(now, OptOut),
                Consent = OptOut,
                Given = optedOut,
                Channel = channel,
                ChangedAt = now,
            }, ct);
            logger.LogInformation("Parent {ParentId} ({Mobile}) {Change} by {Channel}", parent.Id, PhoneMask.Mask(parent.Mobile), optedOut ? "opted out" : "opted back in", channel);
            return true;
        }

        return false;
    }
}
