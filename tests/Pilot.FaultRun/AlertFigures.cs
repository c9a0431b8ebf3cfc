using System.Globalization;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.FaultRun;

/// <summary>
/// Vacancy alerts in the run, counted per (parent, vacancy ref), which is the alert text's id
/// <c>alert-{parent}-{ref}</c>, over the simulators' records of what they accepted.
/// </summary>
/// <param name="Expected">Every alert parent times every vacancy sent: each must reach a final state.</param>
/// <param name="Lost">Expected alerts with no text in a final state (never written, or stuck scheduled, queued or sending).</param>
/// <param name="Unexpected">Alert texts for a (parent, vacancy) not expected: a wrong match.</param>
/// <param name="StoredTwice">(parent, vacancy) pairs with more than one alert text row.</param>
public sealed record AlertFigures(
    int Parents,
    int Vacancies,
    int Expected,
    int DeliveredExactlyOnce,
    int TwilioDuplicates,
    int TwilioDuplicatesFlagged,
    int AcsDuplicates,
    int CrossProviderDuplicates,
    int Lost,
    int Unexpected,
    int StoredTwice,
    int AwaitingReceipt,
    IReadOnlyDictionary<string, int> States,
    IReadOnlyDictionary<string, int> CancelReasons,
    IReadOnlyList<string> OpenTexts)
{
    public static AlertFigures From(
        IReadOnlyList<string> expected, int parents, int vacancies, IReadOnlyList<TextEntity> texts,
        IReadOnlyDictionary<string, int> twilioSends, IReadOnlyDictionary<string, int> acsSends)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(twilioSends);
        ArgumentNullException.ThrowIfNull(acsSends);
        var alerts = texts.Where(t => t.Kind == AlertTextKinds.Alert).ToList();
        var byId = alerts.GroupBy(t => t.RowKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        int Sends(string id) => twilioSends.GetValueOrDefault(id) + acsSends.GetValueOrDefault(id);
        var twilioDuplicates = byId.Keys.Where(id => twilioSends.GetValueOrDefault(id) > 1).ToList();
        var open = alerts.Where(t => TextStates.IsPending(t.State) || t.State == TextStates.Sending).ToList();
        return new AlertFigures(
            parents,
            vacancies,
            expectedSet.Count,
            DeliveredExactlyOnce: byId.Keys.Count(id => Sends(id) == 1),
            TwilioDuplicates: twilioDuplicates.Count,
            TwilioDuplicatesFlagged: twilioDuplicates.Count(id => byId[id].Any(t => t.DuplicateSuspected)),
            AcsDuplicates: byId.Keys.Count(id => acsSends.GetValueOrDefault(id) > 1),
            CrossProviderDuplicates: byId.Keys.Count(id => twilioSends.ContainsKey(id) && acsSends.ContainsKey(id)),
            Lost: expectedSet.Count(id => !byId.TryGetValue(id, out var rows) || rows.All(t => TextStates.IsPending(t.State) || t.State == TextStates.Sending)),
            Unexpected: byId.Keys.Count(id => !expectedSet.Contains(id)),
            StoredTwice: byId.Values.Count(rows => rows.Count > 1),
            AwaitingReceipt: alerts.Count(t => t.State == TextStates.Sent),
            States: alerts.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            CancelReasons: alerts.Where(t => t.CancelReason is not null).GroupBy(t => t.CancelReason!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            [.. open.Take(10).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.PartitionKey}-{t.RowKey} {t.State} since {t.SendingSince:u}, attempts {t.Attempts}, last error: {t.LastError}"))]);
    }
}
