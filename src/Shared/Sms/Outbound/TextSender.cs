using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Appointments;
using Pilot.Shared.Phones;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Outbound.Policy;
using Pilot.Shared.Sms.Resilience;
using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// The one sender of texts: every text is a row in Texts first, and one text at a time is handled here. It
/// reads the row, asks <see cref="SendPolicy"/>, carries the decision out with one ETag-checked write, and calls the
/// gateway. Why a repeated or interrupted message is harmless: a send begins only by an ETag-checked move to sending
/// (a second worker loses that race); a text found sending is left alone until <see cref="TextEntity.NextAttemptAt"/>,
/// then settled by asking the providers whether they took our message id, and repeated under that id only if none did.
/// </summary>
public sealed class TextSender(
    TextStore texts,
    AppointmentStore appointments,
    SendFactsLoader facts,
    ISmsGateway gateway,
    SendQueueWriter queue,
    HourlyTextCap cap,
    ScheduledSendGate scheduledLane,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<TextSender> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <summary>How close to its due minute a text written there may be missed by the tick (clocks of two instances differ a little).</summary>
    private static readonly TimeSpan TickMargin = TimeSpan.FromSeconds(5);

    /// <summary>Texts of one send message handled at once.</summary>
    private const int MessageConcurrency = 2;

    /// <summary>How long after it fell due a text every provider fails technically is still tried again.</summary>
    public static TimeSpan TechnicalRetryPeriod => RetryBackoff.Period;

    private TimeSpan Lease => TimeSpan.FromSeconds(reminderOptions.Value.SendingLeaseSeconds);

    public async Task<SendOutcome> SendAsync(TextRef reference, CancellationToken ct) => (await SendAndReportAsync(reference, ct)).Outcome;

    /// <summary>
    /// Sends the texts a message of the scheduled lane names, each through <see cref="ScheduledSendGate"/>. A message naming one text fails as that text's send fails, so the queue
    /// retries it and, after its last try, moves it to the poison queue with the reason. In a message naming several,
    /// a text whose send throws is put back on the queue in a message of its own, to be retried alone that way; the
    /// others are not touched again. If even that enqueue fails, the whole message is retried: its texts already sent
    /// are then found done, one read each.
    /// </summary>
    /// <exception cref="FormatException">The message names no text, or names them badly.</exception>
    public async Task SendEachAsync(SendMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var named = message.Texts();
        if (named.Count == 1)
        {
            await scheduledLane.RunAsync(async token => (await SendAndReportAsync(named[0], token, message.CarriedRow(named[0]))).Outcome, ct);
            return;
        }

        await Parallel.ForEachAsync(named, new ParallelOptions { MaxDegreeOfParallelism = MessageConcurrency, CancellationToken = ct }, async (text, token) =>
        {
            try
            {
                await scheduledLane.RunAsync(async gated => (await SendAndReportAsync(text, gated, message.CarriedRow(text))).Outcome, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Text {TextId} in bucket {Bucket} failed in a message of {Count} texts; queued again on its own", text.TextId, text.Bucket, named.Count);
                await queue.EnqueueAsync(text, token);
            }
        });
    }

    /// <summary>
    /// As <see cref="SendAsync"/>, saying also when a text that waits will be looked at again, or why it was cancelled.
    /// <paramref name="carried"/>: the text as its send message carries it (<see cref="SendMessage.CarriedRow"/>), decided
    /// from without a read. Only what is then written against its ETag is done from it (send, cancel) or harmless if
    /// it is out of date (a delayed look for the hourly cap); anything else, and any write it fails, reads the text.
    /// </summary>
    public async Task<SendReport> SendAndReportAsync(TextRef reference, CancellationToken ct, TextEntity? carried = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var fromMessage = attempt == 0 && carried is not null && MayDecideFromMessage(carried, time.GetUtcNow());
            var text = fromMessage ? carried : await texts.GetAsync(reference, ct);
            if (text is null)
            {
                logger.LogWarning("Text {TextId} in bucket {Bucket} no longer exists; nothing to send", reference.TextId, reference.Bucket);
                return new SendReport(SendOutcome.Missing);
            }

            var now = time.GetUtcNow();
            var neverAccepted = false;
            switch (SendPolicy.Look(text, now, Lease))
            {
                case AlreadyDone:
                    return new SendReport(SendOutcome.AlreadyDone, State: text.State, Reason: text.CancelReason);
                case LookLater later:
                    // Another worker has it, or the provider's answer is awaited: look again then, rather than failing
                    // this message towards the poison queue.
                    await EnqueueAsync(text, later.At - now + TimeSpan.FromSeconds(1), ct);
                    return new SendReport(SendOutcome.CheckLater, later.At);
                case Settle:
                    var (settled, changedMeanwhile) = await SettleAsync(text, now, ct);
                    if (settled is not null)
                    {
                        return settled;
                    }

                    if (changedMeanwhile)
                    {
                        continue;
                    }

                    // No provider took it: as good as unsent, and much may have changed since the first attempt.
                    neverAccepted = true;
                    break;
            }

            if (await IsLeftBehindByAMoveAsync(text, now, ct))
            {
                // Moved out of quiet hours, but the old row's delete was lost (storage failed after the copy was written):
                // the copy at the end of quiet hours is the text; this one goes, unsent.
                await texts.DeleteAsync(text, ct);
                logger.LogWarning("Text {TextId} in bucket {Bucket} was left behind by its move out of quiet hours; deleted, its moved copy is sent", text.RowKey, text.PartitionKey);
                return new SendReport(SendOutcome.Deferred, State: text.State);
            }

            var (loaded, capRow) = await facts.LoadAsync(text, now, neverAccepted, ct);
            var decision = SendPolicy.Decide(loaded);
            if (fromMessage && decision is not (Send or Cancel or HoldUntil))
            {
                // A move out of quiet hours adds and deletes rows: only from the text as stored.
                continue;
            }

            var outcome = decision switch
            {
                Cancel cancel => await CancelAsync(text, cancel.Reason, now, ct),
                DeferUntil defer => await DeferAsync(loaded, defer.Until, now, ct),
                HoldUntil hold => await HoldAsync(text, hold.Until, now, ct),
                Send send => await BeginAsync(loaded, capRow!, send, now, ct),
                var other => throw new InvalidOperationException($"{other} is not a decision about a text to send."),
            };
            if (outcome is { } done)
            {
                return done with { State = text.State };
            }

            // Someone changed the text (or the digest, or the number's hour) under us: read it again and decide anew.
        }

        throw new TextBusyException($"Text {reference.TextId} kept changing while being sent; the queue will retry it.");
    }

    /// <summary>
    /// Whether a text carried in its message may be decided from as carried: one waiting to be sent, and not one that could
    /// be the old half of a move out of quiet hours (<see cref="IsLeftBehindByAMoveAsync"/> asks storage about those).
    /// </summary>
    /// <remarks>
    /// A digest is not: closing it just before it goes is a write of its own.
    /// </remarks>
    private bool MayDecideFromMessage(TextEntity carried, DateTimeOffset now) =>
        TextStates.IsPending(carried.State) && carried.MessageId is null && carried.Kind != AlertTextKinds.Digest && QuietPeriodBeganSinceDue(carried, now) is null;

    /// <summary>The start of a quiet period that began after the text fell due and before now, if one did.</summary>
    private DateTimeOffset? QuietPeriodBeganSinceDue(TextEntity text, DateTimeOffset now)
    {
        var quiet = smsOptions.Value.QuietHours();
        var quietFrom = quiet.IsQuiet(text.DueAt) ? text.DueAt : quiet.NextStartAfter(text.DueAt);
        return quietFrom is { } from && from <= now ? from : null;
    }

    /// <summary>
    /// Whether this row is the old half of a move out of quiet hours (<see cref="DeferAsync"/> writes the copy, then
    /// deletes this): only a text not yet tried, looked at after a quiet period began since it fell due, can be, so
    /// only those cost a read.
    /// </summary>
    private async Task<bool> IsLeftBehindByAMoveAsync(TextEntity text, DateTimeOffset now, CancellationToken ct)
    {
        if (!TextStates.IsPending(text.State) || text.MessageId is not null || QuietPeriodBeganSinceDue(text, now) is not { } from)
        {
            return false;
        }

        var bucket = DueBuckets.For(smsOptions.Value.QuietHours().EndOfQuietPeriodContaining(from));
        return bucket != text.PartitionKey && await texts.GetAsync(new TextRef(bucket, text.RowKey), ct) is not null;
    }

    /// <summary>
    /// Asks the providers about an interrupted send. No report when none has it (the caller decides again), or when the
    /// text changed under us while they could not be asked (the caller reads it again: another message for it has it).
    /// </summary>
    private async Task<(SendReport? Report, bool ChangedMeanwhile)> SettleAsync(TextEntity text, DateTimeOffset now, CancellationToken ct)
    {
        SmsSendResult? earlier;
        try
        {
            earlier = await gateway.FindAsync(text.ProviderId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The provider could not be asked (it answers 5xx and 429 to lookups too): ask again later rather than
            // spend the queue's few retries, whose end would strand the text in sending.
            text.LookAgainOn(now + RetryBackoff.First, "asking the providers failed: " + ex.Message);
            if (!await texts.TryReplaceAsync(text, ct))
            {
                return (null, true);
            }

            await EnqueueAsync(text, RetryBackoff.First, ct);
            logger.LogWarning("Text {TextId}: asking the providers whether they took it failed ({Reason}); asking again in {Delay}", text.RowKey, ex.Message, RetryBackoff.First);
            return (new SendReport(SendOutcome.CheckLater, now + RetryBackoff.First), false);
        }

        if (earlier is null)
        {
            logger.LogWarning("Text {TextId} was interrupted before the provider accepted it; deciding again before repeating it under the same id", text.RowKey);
            return (null, false);
        }

        logger.LogWarning("Text {TextId} was interrupted after the provider accepted it; recording that send, not repeating it", text.RowKey);
        await RecordAsync(text, earlier, now, ct);
        return (new SendReport(SendOutcome.Settled, State: text.State), false);
    }

    /// <returns>Null when the text changed under us and must be read again.</returns>
    private async Task<SendReport?> CancelAsync(TextEntity text, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (text.State == TextStates.Sending)
        {
            text.CancelNeverAccepted(reason, now);
        }
        else
        {
            text.Cancel(reason, now);
        }

        if (!await texts.TryReplaceAsync(text, ct))
        {
            return null;
        }

        logger.LogInformation("Text {TextId} cancelled at send time: {Reason}", text.RowKey, reason);
        return new SendReport(SendOutcome.Cancelled, Reason: reason);
    }

    /// <summary>
    /// Quiet hours. A text not yet tried moves to the due minute of their end, where the dispatch tick finds it (its
    /// appointment, if any, is pointed at the new place); a repeat keeps its row and id (a provider that de-duplicates
    /// may hold the first attempt) and is looked at again when they end.
    /// </summary>
    private async Task<SendReport?> DeferAsync(SendFacts loaded, DateTimeOffset until, DateTimeOffset now, CancellationToken ct)
    {
        var text = loaded.Text;
        if (text.State == TextStates.Sending)
        {
            text.LookAgainOn(until);
            if (!await texts.TryReplaceAsync(text, ct))
            {
                return null;
            }

            await EnqueueAsync(text, until - now + TimeSpan.FromSeconds(1), ct);
            logger.LogInformation("Text {TextId} to repeat fell in quiet hours; looking again at {QuietEnd:u}", text.RowKey, until);
            return new SendReport(SendOutcome.Deferred, until);
        }

        if (text.MessageId is not null)
        {
            // A text written with its own id (a WFI notice) stays where it is, so that writing it again finds it there:
            // a delayed message brings it back when quiet hours end.
            await EnqueueAsync(text, until - now + TimeSpan.FromSeconds(1), ct);
            return new SendReport(SendOutcome.Deferred, until);
        }

        var bucket = DueBuckets.For(until);
        if (bucket == text.PartitionKey)
        {
            // Already filed under the end of quiet hours (taken off the queue early): back to waiting there.
            text.ReturnToSchedule(now);
            if (!await texts.TryReplaceAsync(text, ct))
            {
                return null;
            }

            await QueueIfTheTickMayHavePassedAsync(text, until, ct);
            return new SendReport(SendOutcome.Deferred, until);
        }

        var moved = text.DeferredCopy(bucket, until, now);
        await texts.AddIfMissingAsync(moved, ct);
        await QueueIfTheTickMayHavePassedAsync(moved, until, ct);
        if (loaded.Appointment is { } appointment)
        {
            await PointAppointmentAtAsync(appointment, text.Ref, moved.Ref, ct);
        }

        await texts.DeleteAsync(text, ct);
        logger.LogInformation("Text {TextId} fell due in quiet hours; moved to {DueAt:u}", text.RowKey, until);
        return new SendReport(SendOutcome.Deferred, until);
    }

    /// <summary>
    /// A text filed under the due minute of the end of quiet hours waits for the dispatch tick to read that minute. If
    /// quiet hours were about to end when it was written (found by ./faults.sh: decided at 20:53:58, written at 20:54:03
    /// after storage retries, the 20:54 tick had read the minute without it), the tick may have read the minute already:
    /// it is queued for the end of quiet hours here as well (a second message for it finds it done).
    /// </summary>
    private async Task QueueIfTheTickMayHavePassedAsync(TextEntity text, DateTimeOffset until, CancellationToken ct)
    {
        var written = time.GetUtcNow();
        if (written >= DueBuckets.Parse(text.PartitionKey) - TickMargin)
        {
            var delay = until - written;
            await EnqueueAsync(text, (delay > TimeSpan.Zero ? delay : TimeSpan.Zero) + TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>
    /// The number has had its texts in the last 60 minutes: a text not yet tried is left as it is (nothing is lost or
    /// claimed) and a delayed message brings it back as the next slot frees; a repeat keeps its id and waits for then.
    /// Another text may take that slot first: this one is then held again, never dropped.
    /// </summary>
    /// <returns>Null when a repeat's text changed under us and must be read again.</returns>
    private async Task<SendReport?> HoldAsync(TextEntity text, DateTimeOffset until, DateTimeOffset now, CancellationToken ct)
    {
        var delay = new CapClaim(until).DelayFrom(now);
        if (text.State == TextStates.Sending)
        {
            text.LookAgainOn(now + delay);
            if (!await texts.TryReplaceAsync(text, ct))
            {
                return null;
            }
        }

        await EnqueueAsync(text, delay, ct);
        logger.LogInformation("Text {TextId}: its number has had {Cap} texts in the last hour; it waits until {FullUntil:u}", text.RowKey, smsOptions.Value.MaxPerNumberPerHour, until);
        return new SendReport(SendOutcome.HeldForHourlyCap, now + delay);
    }

    /// <returns>Null when something changed under us (the text, the digest, the number's hour) and it must be decided again.</returns>
    private async Task<SendReport?> BeginAsync(SendFacts loaded, CapRow capRow, Send send, DateTimeOffset now, CancellationToken ct)
    {
        var text = loaded.Text;
        if (!await facts.BeforeSendAsync(loaded, ct))
        {
            return null;
        }

        var rule = SendPolicy.RuleFor(text.Kind);
        if (!(await cap.ClaimAsync(capRow, text.ProviderId, now, rule.MayGoOverCap, ct)).IsTaken && !rule.MayGoOverCap)
        {
            return null;
        }

        if (send.IsRepeat)
        {
            logger.LogWarning("Text {TextId} was interrupted before the provider accepted it; sending it again under the same id", text.RowKey);
            text.BeginRepeat(now, Lease);
        }
        else
        {
            text.BeginSending(send.To, send.Body, now, Lease);
        }

        if (!await texts.TryReplaceAsync(text, ct))
        {
            return null;
        }

        var message = new SmsMessage(text.ProviderId, send.To, send.Body)
        {
            IsRepeat = send.IsRepeat,
            NotAfter = rule.KeepsQuietHours ? SendPolicy.LastAttemptEnd(smsOptions.Value.QuietHours(), now) : null,
            FirstSentAt = text.RequestedAt,
        };
        return await CallGatewayAsync(text, message, now, ct);
    }

    private async Task<SendReport> CallGatewayAsync(TextEntity text, SmsMessage message, DateTimeOffset now, CancellationToken ct)
    {
        SmsSendResult result;
        scheduledLane.LeaveBeforeProviderCall();
        try
        {
            result = await gateway.SendAsync(message, ct);
        }
        catch (SmsOutcomeUnknownException ex)
        {
            // The provider may have taken it and cannot de-duplicate a resend: leave it until its status callback or a
            // check with it settles the text, never resend blindly.
            text.LookAgainOn(now + ex.SettleAfter, ex.Message);
            await texts.TryReplaceAsync(text, ct);
            await EnqueueAsync(text, ex.SettleAfter + TimeSpan.FromSeconds(1), ct);
            logger.LogWarning("Text {TextId} to {To}: {Provider} may have accepted it; settling after {SettleAfter}", text.RowKey, PhoneMask.Mask(text.To), ex.Provider, ex.SettleAfter);
            return new SendReport(SendOutcome.CheckLater, now + ex.SettleAfter);
        }
        catch (SmsProviderException ex)
        {
            // No provider took it (an unknown outcome is SmsOutcomeUnknownException, above).
            return await RetryLaterAsync(text, ex, now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // We cannot know whether the provider took it: end the lease now so the queue's retry settles it.
            text.LookAgainOn(now, ex.Message);
            await texts.TryReplaceAsync(text, ct);
            logger.LogWarning(ex, "Sending text {TextId} to {To} failed; it will be settled on retry", text.RowKey, PhoneMask.Mask(text.To));
            throw;
        }

        await RecordAsync(text, result, now, ct);
        return new SendReport(SendOutcome.Sent);
    }

    private async Task<SendReport> RetryLaterAsync(TextEntity text, SmsProviderException failure, DateTimeOffset now, CancellationToken ct)
    {
        if (SendPolicy.AfterProviderFailure(text, now) is not { } next)
        {
            text.FailTechnically(failure.Message, now);
            if (!await texts.TryReplaceAsync(text, ct))
            {
                throw new TextBusyException($"Text {text.RowKey} changed while being failed.");
            }

            logger.LogError("Text {TextId} to {To}: every provider failed it for {Period}; technical-failure", text.RowKey, PhoneMask.Mask(text.To), RetryBackoff.Period);
            return new SendReport(SendOutcome.Failed);
        }

        // The look then finds the lease over, so it settles (asks the providers) and repeats at once.
        text.LookAgainOn(next, failure.Message);
        if (!await texts.TryReplaceAsync(text, ct))
        {
            throw new TextBusyException($"Text {text.RowKey} changed while its retry was being planned.");
        }

        await EnqueueAsync(text, next - now, ct);
        logger.LogWarning("Text {TextId} to {To}: every provider failed it ({Reason}); trying again in {Delay}", text.RowKey, PhoneMask.Mask(text.To), failure.Message, next - now);
        return new SendReport(SendOutcome.RetryLater, next);
    }

    /// <summary>The provider's answer, written once; if a receipt got there first, kept only if it moves the text on.</summary>
    private async Task RecordAsync(TextEntity text, SmsSendResult result, DateTimeOffset now, CancellationToken ct)
    {
        var state = TextStates.For(result.Status);
        for (var attempt = 0; attempt < MaxConcurrencyRetries && TextStates.CanMove(text.State, state); attempt++)
        {
            text.Record(result, smsOptions.Value.PricePerFragment, now);
            if (await texts.TryReplaceAsync(text, ct))
            {
                logger.LogInformation("Text {TextId} ({Kind}) to {To} via {Provider}: {State}", text.RowKey, text.Kind, PhoneMask.Mask(text.To), result.Provider, state);
                SmsOutcomeLog.Record(logger, state, text.RowKey, result.Provider, result.Status);
                return;
            }

            if (await texts.GetAsync(text.Ref, ct) is not { } current)
            {
                return;
            }

            text = current;
        }
    }

    private async Task PointAppointmentAtAsync(AppointmentEntity appointment, TextRef from, TextRef to, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            appointment.ReplaceTextRef(from, to);
            if (await appointments.TryReplaceAsync(appointment, ct))
            {
                return;
            }

            appointment = await appointments.GetAsync(appointment.Id, ct) ?? appointment;
        }
    }

    private Task EnqueueAsync(TextEntity text, TimeSpan delay, CancellationToken ct) =>
        queue.EnqueueAsync(text.Ref, ct, delay, text.Lane);
}
