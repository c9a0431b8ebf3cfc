using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Pilot.FaultRun.StorageFaults;
using Pilot.ProviderSimulators.Acs;
using Pilot.ProviderSimulators.Notify;
using Pilot.ProviderSimulators.Recording;
using Pilot.ProviderSimulators.Twilio;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.WfiInvitations;

namespace Pilot.FaultRun;

/// <summary>What a run leaves behind: the Texts table and the simulators' records (the ground truth of what reached a phone).</summary>
public sealed record FaultRunFacts(
    int Reminders,
    IReadOnlyList<TextEntity> Texts,
    IReadOnlyList<TwilioMessage> TwilioAccepted,
    IReadOnlyList<RecordedRequest> TwilioRequests,
    IReadOnlyList<AcsMessage> AcsAccepted,
    IReadOnlyList<RecordedRequest> AcsRequests,
    IReadOnlySet<string> OptedOutNumbers,
    QuietHours QuietHours,
    int MovedOutOfQuietHours,
    int DuplicatedQueueMessages,
    int Kills,
    TimeSpan RetryAfter,
    DateTimeOffset EndedAt)
{
    public MixSent Mix { get; init; } = new([], 0, 0, 0, 0);

    public int AlertParents { get; init; }

    public IReadOnlyList<WfiInvitationEntity> Invitations { get; init; } = [];

    public IReadOnlyList<NotifyLetter> NotifyLetters { get; init; } = [];

    public IReadOnlyList<RecordedRequest> NotifyRequests { get; init; } = [];

    /// <summary>Messages in each queue's poison queue at the end.</summary>
    public IReadOnlyDictionary<string, int> Poisoned { get; init; } = new Dictionary<string, int>();
}

/// <summary>The run's figures and whether each goal was met.</summary>
public sealed record FaultRunReport(
    int Reminders,
    int DeliveredExactlyOnce,
    int TwilioDuplicates,
    int TwilioDuplicatesFlagged,
    int AcsDuplicates,
    int CrossProviderDuplicates,
    int AmbiguousTwilioDrops,
    int AcsDrops,
    int Lost,
    int StillPending,
    int AwaitingReceipt,
    int QuietHourTexts,
    int MovedOutOfQuietHours,
    int OptedOutTexts,
    int ThrottlesAnswered,
    int RetryAfterIgnored,
    int TwilioAccepted,
    int AcsAccepted,
    IReadOnlyDictionary<string, int> States,
    IReadOnlyDictionary<string, int> CancelReasons,
    int DuplicatedQueueMessages,
    int Kills,
    IReadOnlyList<string> OpenTexts,
    TimeSpan Elapsed,
    AlertFigures Alerts,
    LetterFigures Letters,
    MixSent Mix,
    IReadOnlyDictionary<string, int> Poisoned,
    IReadOnlyList<string> EarlyRetries)
{
    public bool GoalsMet => Failures.Count == 0;

    /// <summary>What lies behind a missed goal or an odd figure: texts in quiet hours, texts sent by both providers, alerts not accepted once.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>Reminder texts with a row under two due buckets at the end (a move out of quiet hours half done).</summary>
    public int RemindersFiledTwice { get; init; }

    /// <summary>What the storage proxy injected and what the outage showed; null when storage faults were off.</summary>
    public StorageFaultFigures? Storage { get; init; }

    /// <summary>Each goal the run missed, in words.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            Check(Lost == 0, $"{Lost} text(s) lost");
            Check(AcsDuplicates == 0, $"{AcsDuplicates} duplicate(s) through ACS");
            Check(CrossProviderDuplicates == 0, $"{CrossProviderDuplicates} text(s) sent by both providers");
            var twilioDuplicates = TwilioDuplicates + Alerts.TwilioDuplicates + Letters.CompanionTwilioTwice;
            Check(twilioDuplicates <= AmbiguousTwilioDrops, $"{twilioDuplicates} Twilio duplicate(s), more than the {AmbiguousTwilioDrops} ambiguous drops");
            Check(TwilioDuplicatesFlagged == TwilioDuplicates, $"{TwilioDuplicates - TwilioDuplicatesFlagged} Twilio duplicate(s) not flagged");
            Check(Alerts.Lost == 0, $"{Alerts.Lost} vacancy alert(s) lost");
            Check(Alerts.AcsDuplicates == 0, $"{Alerts.AcsDuplicates} vacancy alert(s) sent twice through ACS");
            Check(Alerts.CrossProviderDuplicates == 0, $"{Alerts.CrossProviderDuplicates} vacancy alert(s) sent by both providers");
            Check(Alerts.TwilioDuplicatesFlagged == Alerts.TwilioDuplicates, $"{Alerts.TwilioDuplicates - Alerts.TwilioDuplicatesFlagged} vacancy alert Twilio duplicate(s) not flagged");
            Check(Alerts.StoredTwice == 0, $"{Alerts.StoredTwice} vacancy alert(s) stored twice");
            var wronglyCancelled = Alerts.CancelReasons.Where(r => r.Key != "opted-out").Sum(r => r.Value);
            Check(wronglyCancelled == 0, $"{wronglyCancelled} vacancy alert(s) cancelled for a reason other than STOP");
            Check(Alerts.Unexpected == 0, $"{Alerts.Unexpected} vacancy alert(s) no vacancy sent should have led to");
            Check(Letters.WithoutLetter == 0, $"{Letters.WithoutLetter} invitation(s) without their letter");
            Check(Letters.LettersTwice == 0, $"{Letters.LettersTwice} letter(s) posted twice");
            Check(Letters.WithOneLetter == Letters.Invitations, $"{Letters.Invitations - Letters.WithOneLetter} invitation(s) not posted with exactly one letter");
            Check(Letters.NotSettled.Count == 0, "invitation(s) whose letter job never finished");
            Check(Letters.CompanionAcsTwice + Letters.CompanionByBoth == 0, $"{Letters.CompanionAcsTwice + Letters.CompanionByBoth} companion text(s) sent twice through ACS or by both providers");
            Check(Poisoned.Values.Sum() == 0, $"{Poisoned.Values.Sum()} queue message(s) poisoned");
            Check(QuietHourTexts == 0, $"{QuietHourTexts} text(s) inside quiet hours");
            Check(RemindersFiledTwice == 0, $"{RemindersFiledTwice} reminder text(s) filed under two due buckets");
            Check(OptedOutTexts == 0, $"{OptedOutTexts} text(s) to opted-out parents");
            Check(RetryAfterIgnored == 0, $"{RetryAfterIgnored} retry(ies) sooner than Retry-After");
            if (Storage?.Outage is { } outage)
            {
                Check(outage.WrongAnswers == 0, $"{outage.WrongAnswers} HTTP answer(s) during the storage outage not 503 with Retry-After");
                Check(outage.BacklogDrained is not null, "the backlog from before the storage outage's end never drained");
            }

            return failures;

            void Check(bool met, string failure)
            {
                if (!met)
                {
                    failures.Add(failure);
                }
            }
        }
    }

    private static bool IsAppointmentText(string kind)
        => TextKinds.IsReminder(kind) || kind is TextKinds.Confirmation or TextKinds.Rescheduled or TextKinds.Cancelled;

    public static FaultRunReport From(FaultRunFacts facts, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var twilio = facts.TwilioAccepted.Select(m => (Text: TextIdOf(CallbackMessageId(m.StatusCallback)), m.To, At: m.DateCreated)).ToList();
        var acs = facts.AcsAccepted.Select(m => (Text: TextIdOf(m.Tag), m.To, At: m.AcceptedAt)).ToList();
        var twilioCounts = twilio.Where(m => m.Text is not null).GroupBy(m => m.Text!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var acsCounts = acs.Where(m => m.Text is not null).GroupBy(m => m.Text!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Every text that is not an alert: the appointments' texts, and the WFI companion, defaulted and reply texts that are
        // Texts rows too now; lost and duplicates are counted over all of them, the states over the appointments' texts.
        // A text moved out of quiet hours is written under its new due bucket and then deleted from its old one; a row
        // left in both (the delete lost to a storage fault) is reported, and the more advanced of the two is counted.
        var byId = facts.Texts.Where(t => !AlertTextKinds.IsAlert(t.Kind)).GroupBy(t => t.RowKey, StringComparer.Ordinal).ToList();
        var filedTwice = byId.Where(g => g.Count() > 1).ToList();
        var otherTexts = byId.Select(g => g.OrderBy(t => IsOpen(t.State) ? 1 : 0).First()).ToList();
        var reminderTexts = otherTexts.Where(t => IsAppointmentText(t.Kind)).ToList();
        var texts = otherTexts.ToDictionary(t => t.RowKey, StringComparer.Ordinal);

        int Sends(string id) => twilioCounts.GetValueOrDefault(id) + acsCounts.GetValueOrDefault(id);
        var twilioDuplicates = twilioCounts.Where(c => c.Value > 1 && texts.ContainsKey(c.Key)).Select(c => c.Key).ToList();
        var open = otherTexts.Where(t => IsOpen(t.State)).ToList();
        var pending = open.Count(t => t.DueAt > facts.EndedAt);

        var throttles = 0;
        var ignored = new List<string>();
        foreach (var (provider, requests, idOf) in new (string, IReadOnlyList<RecordedRequest>, Func<RecordedRequest, string?>)[]
        {
            ("twilio", facts.TwilioRequests.Where(r => r.Method == "POST").ToList(), r => CallbackMessageId(Uri.TryCreate(r.Form?.GetValueOrDefault("StatusCallback"), UriKind.Absolute, out var u) ? u : null)),
            ("acs", facts.AcsRequests, AcsTag),
            ("notify", facts.NotifyRequests.Where(r => r.Method == "POST").ToList(), NotifyReference),
        })
        {
            var last429 = new Dictionary<string, (DateTimeOffset At, TimeSpan Wait)>(StringComparer.Ordinal);
            foreach (var request in requests.OrderBy(r => r.ReceivedAt))
            {
                if (idOf(request) is not { } id)
                {
                    continue;
                }

                // The next request for the same message must wait the Retry-After (from when the answer was given; allow the latency).
                if (last429.Remove(id, out var throttled) && request.ReceivedAt - throttled.At < throttled.Wait - TimeSpan.FromMilliseconds(50))
                {
                    ignored.Add(string.Create(CultureInfo.InvariantCulture, $"{provider} {id} again after {(request.ReceivedAt - throttled.At).TotalMilliseconds:F0} ms"));
                }

                if (request.ResponseStatus == 429)
                {
                    throttles++;
                    last429[id] = (request.ReceivedAt, facts.RetryAfter);
                }
            }
        }

        return new FaultRunReport(
            facts.Reminders,
            DeliveredExactlyOnce: reminderTexts.Count(t => Sends(t.RowKey) == 1),
            TwilioDuplicates: twilioDuplicates.Count,
            TwilioDuplicatesFlagged: twilioDuplicates.Count(id => texts.TryGetValue(id, out var t) && t.DuplicateSuspected),
            AcsDuplicates: acsCounts.Count(c => c.Value > 1 && texts.ContainsKey(c.Key)),
            CrossProviderDuplicates: twilioCounts.Keys.Count(k => acsCounts.ContainsKey(k) && texts.ContainsKey(k)),
            AmbiguousTwilioDrops: facts.TwilioRequests.Count(r => r.Method == "POST" && r.ResponseStatus == 0),
            AcsDrops: facts.AcsRequests.Count(r => r.ResponseStatus == 0),
            Lost: open.Count - pending,
            StillPending: pending,
            AwaitingReceipt: otherTexts.Count(t => t.State == TextStates.Sent),
            QuietHourTexts: twilio.Concat(acs).Count(m => facts.QuietHours.IsQuiet(m.At)),
            facts.MovedOutOfQuietHours,
            OptedOutTexts: twilio.Concat(acs).Count(m => facts.OptedOutNumbers.Contains(m.To)),
            ThrottlesAnswered: throttles,
            RetryAfterIgnored: ignored.Count,
            TwilioAccepted: twilio.Count,
            AcsAccepted: acs.Count,
            States: reminderTexts.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            CancelReasons: reminderTexts.Where(t => t.CancelReason is not null).GroupBy(t => t.CancelReason!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            facts.DuplicatedQueueMessages,
            facts.Kills,
            [.. open.Take(10).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.PartitionKey}-{t.RowKey} {t.State} since {t.SendingSince:u}, attempts {t.Attempts}, last error: {t.LastError}"))],
            elapsed,
            AlertFigures.From(facts.Mix.ExpectedAlerts, facts.AlertParents, facts.Mix.Vacancies, facts.Texts, twilioCounts, acsCounts),
            LetterFigures.From(facts.Invitations, facts.NotifyLetters, facts.NotifyRequests, twilioCounts, acsCounts),
            facts.Mix,
            facts.Poisoned,
            ignored)
        {
            RemindersFiledTwice = filedTwice.Count,
            Details =
            [
                .. filedTwice.Take(10).Select(g => $"filed twice: {g.Key} ({string.Join("; ", g.Select(t => $"{t.State} under {t.PartitionKey}"))})"),
                .. twilio.Select(m => (Provider: "twilio", m.Text, m.At)).Concat(acs.Select(m => (Provider: "acs", m.Text, m.At)))
                    .Where(m => facts.QuietHours.IsQuiet(m.At)).Take(25)
                    .Select(m => string.Create(CultureInfo.InvariantCulture, $"inside quiet hours: {m.Provider} accepted {m.Text} at {m.At:HH:mm:ss.fff} UTC")),
                .. twilioCounts.Keys.Where(acsCounts.ContainsKey).Take(10)
                    .Select(id => $"by both providers: {id} ({StateOf(facts.Texts, id)})"),
                .. facts.Texts.Where(t => AlertTextKinds.IsAlert(t.Kind) && t.State is TextStates.Delivered or TextStates.Sent
                        && twilioCounts.GetValueOrDefault(t.RowKey) + acsCounts.GetValueOrDefault(t.RowKey) != 1).Take(10)
                    .Select(t => string.Create(CultureInfo.InvariantCulture, $"alert {t.State} but accepted {twilioCounts.GetValueOrDefault(t.RowKey)} time(s) by twilio, {acsCounts.GetValueOrDefault(t.RowKey)} by acs: {t.PartitionKey}-{t.RowKey} provider {t.Provider}, attempts {t.Attempts}")),
            ],
        };
    }

    private static bool IsOpen(string state) => state is TextStates.Scheduled or TextStates.Queued or TextStates.Sending;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = new FormattableString[]
        {
            $"[faults] reminders:                     {Reminders:N0} ({Kills} SIGKILL restart(s), {DuplicatedQueueMessages:N0} queue messages delivered twice)",
            $"[faults] final states:                  {string.Join(", ", States.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:N0}"))}",
            $"[faults] cancelled because:             {string.Join(", ", CancelReasons.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:N0}"))}",
            $"[faults] accepted by the providers:     twilio {TwilioAccepted:N0}, acs {AcsAccepted:N0}; 429s answered {ThrottlesAnswered:N0} (retried sooner than Retry-After: {RetryAfterIgnored})",
            $"[faults] delivered exactly once:        {DeliveredExactlyOnce:N0}",
            $"[faults] duplicates:                    twilio {TwilioDuplicates} (ambiguous drops {AmbiguousTwilioDrops}, flagged {TwilioDuplicatesFlagged}), acs {AcsDuplicates} (dropped answers {AcsDrops}), by both providers {CrossProviderDuplicates}",
            $"[faults] lost (never reached a final state): {Lost}",
            $"[faults] still pending (due later):     {StillPending}",
            $"[faults] accepted, receipt not received: {AwaitingReceipt}",
            $"[faults] texts inside quiet hours:      {QuietHourTexts} ({MovedOutOfQuietHours:N0} fell due in them and were moved to their end; {RemindersFiledTwice} left filed under both buckets)",
            $"[faults] texts to opted-out parents:    {OptedOutTexts}",
            $"[faults] vacancy alerts expected:       {Alerts.Expected:N0} ({Alerts.Parents} parents x {Alerts.Vacancies} vacancies; {Mix.FeedBatchesDuplicated} feed message(s) and {Mix.AlertMessagesDuplicated} alert send message(s) delivered twice)",
            $"[faults] alert final states:            {Join(Alerts.States)}",
            $"[faults] alerts cancelled because:      {Join(Alerts.CancelReasons)}",
            $"[faults] alerts delivered exactly once: {Alerts.DeliveredExactlyOnce:N0}",
            $"[faults] alerts sent twice:             twilio {Alerts.TwilioDuplicates} (flagged {Alerts.TwilioDuplicatesFlagged}), acs {Alerts.AcsDuplicates}, by both providers {Alerts.CrossProviderDuplicates}; stored twice {Alerts.StoredTwice}; not expected {Alerts.Unexpected}",
            $"[faults] alerts lost (no final state):  {Alerts.Lost}; accepted, receipt not received: {Alerts.AwaitingReceipt}",
            $"[faults] WFI invitations:               {Letters.Invitations:N0} ({Mix.LetterJobsDuplicated} letter job(s) delivered twice); {Join(Letters.Statuses)}",
            $"[faults] letters accepted by Notify:    {Letters.NotifyLetters:N0} (answered 5xx {Letters.NotifyServerErrors}, 429 {Letters.NotifyThrottles}, accepted then dropped {Letters.NotifyDrops})",
            $"[faults] invitations with one letter:   {Letters.WithOneLetter:N0}; without their letter: {Letters.WithoutLetter}; letters posted twice: {Letters.LettersTwice}",
            $"[faults] companion texts:               {Letters.CompanionTexts:N0} accepted; twice through twilio {Letters.CompanionTwilioTwice}, acs {Letters.CompanionAcsTwice}, by both {Letters.CompanionByBoth}; {Join(Letters.CompanionOutcomes)}",
            $"[faults] queue messages poisoned:       {(Poisoned.Values.Sum() == 0 ? "0" : Join(Poisoned))}",
            $"[faults] elapsed:                       {Elapsed.TotalSeconds:F0} s",
        };
        foreach (var line in lines.Concat(StorageLines()))
        {
            output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var text in OpenTexts.Concat(Alerts.OpenTexts))
        {
            output.WriteLine("[faults]   not settled: " + text);
        }

        foreach (var detail in Details)
        {
            output.WriteLine("[faults]   " + detail);
        }

        foreach (var retry in EarlyRetries.Take(10))
        {
            output.WriteLine("[faults]   retried sooner than Retry-After: " + retry);
        }

        foreach (var invitation in Letters.NotSettled)
        {
            output.WriteLine("[faults]   invitation not settled: " + invitation);
        }

        output.WriteLine(GoalsMet ? "[faults] every goal met" : "[faults] GOALS MISSED: " + string.Join("; ", Failures));
    }

    private IEnumerable<FormattableString> StorageLines()
    {
        if (Storage is null)
        {
            yield return $"[faults] storage faults:                off";
            yield break;
        }

        foreach (var (service, counts) in Storage.Counts.OrderBy(c => c.Key))
        {
            yield return $"[faults] storage {service,-7} requests:      {counts.Requests:N0}; failed before reaching Azurite {counts.FailedBefore:N0}; applied then failed {counts.AppliedThenFailed:N0}; during the outage {counts.DuringOutage:N0}";
        }

        if (Storage.Outage is { } outage)
        {
            yield return $"[faults] storage outage:                {outage.Length.TotalSeconds:F0} s; HTTP answers during it: {string.Join(", ", outage.HttpAnswers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} x{a.Value}"))}";
            yield return $"[faults] backlog drained after it:      {(outage.BacklogDrained is { } drained ? $"{drained.TotalSeconds:F0} s" : "never")}";
        }
    }

    private static string StateOf(IReadOnlyList<TextEntity> texts, string id) =>
        string.Join("; ", texts.Where(t => t.RowKey == id).Select(t => $"{t.Kind} {t.State} via {t.Provider}, attempts {t.Attempts}, due {t.PartitionKey}"));

    private static string Join(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}")));

    private static string? CallbackMessageId(Uri? callback) =>
        callback is null ? null : QueryHelpers.ParseQuery(callback.Query).TryGetValue("messageId", out var id) ? id.ToString() : null;

    private static string? AcsTag(RecordedRequest request) =>
        request.Json is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty("smsSendOptions", out var options) && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("tag", out var tag) && tag.ValueKind == JsonValueKind.String
            ? tag.GetString()
            : null;

    /// <summary>The text id of a text's message id; other message ids (a WFI companion text's) as they are.</summary>
    private static string? TextIdOf(string? messageId) => TextRef.TryParseMessageId(messageId, out var reference) ? reference.TextId : messageId;

    private static string? NotifyReference(RecordedRequest request) =>
        request.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.String
            ? reference.GetString()
            : null;
}
