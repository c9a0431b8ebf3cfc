using System.Globalization;
using System.Text.Json;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// The send-time half of alerts, used by <see cref="ReminderSender"/> for texts of an alert kind:
/// whether the parent may still get it (alerts opted into, not opted out by STOP or JOBS OFF) and,
/// at the moment of sending, its body from the vacancies still open.
/// </summary>
public sealed class VacancyAlertTexts(ParentStore parents, VacancyStore vacancies, AlertLedger ledger)
{
    public async Task<(ParentEntity? Parent, string? CancelReason)> CheckParentAsync(TextEntity text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parent = await parents.GetAsync(text.ParentId, ct);
        return parent switch
        {
            null => (null, "parent-missing"),
            { OptedOutAt: not null } => (parent, "opted-out"),
            { MayReceiveAlerts: false } => (parent, "alerts-off"),
            _ => (parent, null),
        };
    }

    /// <summary>The body, or null when every vacancy it was about has expired (the text is then cancelled).</summary>
    public async Task<string?> ComposeAsync(TextEntity text, string? language, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = text.Kind == AlertTextKinds.Digest
            ? await ledger.CloseDigestAsync(text.ParentId, DateOnly.ParseExact(text.DigestDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture), ct)
            : JsonSerializer.Deserialize<List<AlertItem>>(text.AlertItems ?? "[]", JsonDefaults.Web) ?? [];
        var open = new List<(VacancyEntity, double)>();
        foreach (var item in items)
        {
            if (await vacancies.GetAsync(item.Ref, ct) is { } vacancy && vacancy.IsOpenAt(now))
            {
                open.Add((vacancy, item.DistanceKm));
            }
        }

        if (open.Count == 0)
        {
            return null;
        }

        return text.Kind == AlertTextKinds.Digest ? AlertText.Digest(open, language) : AlertText.Alert(open[0].Item1, open[0].Item2, language);
    }
}
