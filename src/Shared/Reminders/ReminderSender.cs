using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Phones;
using Pilot.Shared.Reminders.Planning;
using Pilot.Shared.Reminders.Templates;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Costs;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Resilience;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Venues;

namespace Pilot.Shared.Reminders;

/// <summary>
/// Sends one text, once. The rules that make a repeated or interrupted message harmless:
/// <list type="bullet">
/// <item>A send starts only from scheduled or queued, by an ETag-checked move to sending; a second
/// worker holding the same message loses that race and finds the text sending or sent.</item>
/// <item>A text found sending within its lease is looked at again, by a delayed message, when the lease ends.</item>
/// <item>A text found sending whose lease has run out was interrupted (the process died, or the
/// provider call failed): it is settled by asking the gateway whether our message id was accepted,
/// and only if it was not is it sent again, under the same id, which the gateway de-duplicates. A text no
/// provider took is as good as unsent: the send-time checks below apply to it again before the repeat.</item>
/// <item>When every provider fails a text technically, it is tried again by a delayed message, backing off,
/// for up to <see cref="TechnicalRetryPeriod"/> after it fell due (as GOV.UK Notify does), then it fails
/// technical-failure: the queue's few quick retries would poison the message and strand the text in sending.</item>
/// <item>Everything that may have changed since planning is checked again at send time: the
/// appointment's version and status, consent and opt-out, and quiet hours.</item>
/// <item>Just before the provider is called the text takes a slot in its number's hourly cap
/// (<see cref="HourlyTextCap"/>, a rolling 60 minutes); when the number has had its texts it stays as it is and a
/// delayed message brings it back as the next slot frees, when every check above is made again.</item>
/// </list>
/// Vacancy alerts and digests (<see cref="AlertTextKinds"/>) go through the same machine; their
/// send-time checks are alerts still opted into, no STOP, quiet hours (deferred), and the vacancies
/// still open at the moment of sending (<see cref="VacancyAlertTexts"/>).
/// </summary>
public sealed class ReminderSender(
    TextStore texts,
    AppointmentStore appointments,
    ParentStore parents,
    VenueStore venues,
    ISmsGateway gateway,
    SendQueueWriter queue,
    HourlyTextCap cap,
    VacancyAlertTexts alertTexts,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<ReminderSender> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <summary>How long after it fell due a text every provider fails technically is still tried again.</summary>
    public static readonly TimeSpan TechnicalRetryPeriod = TimeSpan.FromHours(4);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(15);

    public async Task<SendOutcome> SendAsync(TextRef reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var text = await texts.GetAsync(reference, ct);
            if (text is null)
            {
                logger.LogWarning("Text {TextId} in bucket {Bucket} no longer exists; nothing to send", reference.TextId, reference.Bucket);
                return SendOutcome.Missing;
            }

            if (!TextStates.IsPending(text.State) && text.State != TextStates.Sending)
            {
                return SendOutcome.AlreadyDone;
            }

            var now = time.GetUtcNow();
            if (text.State == TextStates.Sending)
            {
                return await SettleAsync(text, now, ct);
            }

            if (AlertTextKinds.IsAlert(text.Kind))
            {
                if (await SendAlertAsync(text, now, ct) is { } alertOutcome)
                {
                    return alertOutcome;
                }

                continue;
            }

            var appointment = await appointments.GetAsync(text.AppointmentId, ct);
            var parent = appointment is null ? null : await parents.GetAsync(appointment.ParentId, ct);
            if (WhyNotSend(text, appointment, parent, now) is { } reason)
            {
                if (await MoveAsync(text, TextStates.Cancelled, now, t => t.CancelReason = reason, ct))
                {
                    logger.LogInformation("Text {TextId} cancelled at send time: {Reason}", text.RowKey, reason);
                    return SendOutcome.Cancelled;
                }

                continue;
            }

            var quiet = smsOptions.Value.QuietHours();
            if (quiet.IsQuiet(now))
            {
                var outcome = await DeferAsync(text, appointment!, quiet.EndOfQuietPeriodContaining(now), now, ct);
                if (outcome is { } done)
                {
                    return done;
                }

                continue;
            }

            var venue = await venues.GetAsync(appointment!.VenueId, ct);
            var body = ReminderTemplates.Render(text.Kind, new ReminderTextModel(
                parent!.FirstName,
                appointment.Kind,
                appointment.StartsAt,
                venue?.Name ?? "your children's centre",
                venue?.Phone ?? "your children's centre",
                appointment.AdviserName,
                appointment.PreviousStartsAt)
            {
                // "today"/"tomorrow" must be true when the text actually goes, not when it was planned.
                SendAt = now,
            }, parent.PreferredLanguage);
            if (await cap.TryClaimAsync(parent.Mobile, MessageIdOf(text), now, ct) is { IsTaken: false } full)
            {
                return await HoldForFreeSlotAsync(text, full, now, ct);
            }

            var claimed = await MoveAsync(text, TextStates.Sending, now, t =>
            {
                t.SendingSince = now;
                t.Attempts++;
                t.To = parent.Mobile;
                t.Body = body;
            }, ct);
            if (!claimed)
            {
                continue;
            }

            return await CallGatewayAsync(text, () => gateway.SendAsync(new SmsMessage(MessageIdOf(text), parent.Mobile, body) { NotAfter = QuietFrom(now) }, ct), now, ct);
        }

        throw new TextBusyException($"Text {reference.TextId} kept changing while being sent; the queue will retry it.");
    }

    /// <returns>Null when the text changed under us and the caller should read it again.</returns>
    private async Task<SendOutcome?> SendAlertAsync(TextEntity text, DateTimeOffset now, CancellationToken ct)
    {
        var (parent, reason) = await alertTexts.CheckParentAsync(text, ct);
        if (reason is not null)
        {
            return await CancelAsync(text, reason, now, ct);
        }

        var quiet = smsOptions.Value.QuietHours();
        if (quiet.IsQuiet(now))
        {
            return await DeferAlertAsync(text, quiet.EndOfQuietPeriodContaining(now), now, ct);
        }

        // Composed at the moment of sending: an expired vacancy is left out, a digest is closed.
        var body = await alertTexts.ComposeAsync(text, parent!.PreferredLanguage, now, ct);
        if (body is null)
        {
            return await CancelAsync(text, "vacancy-expired", now, ct);
        }

        if (await cap.TryClaimAsync(parent!.Mobile, MessageIdOf(text), now, ct) is { IsTaken: false } full)
        {
            return await HoldForFreeSlotAsync(text, full, now, ct);
        }

        var claimed = await MoveAsync(text, TextStates.Sending, now, t =>
        {
            t.SendingSince = now;
            t.Attempts++;
            t.To = parent!.Mobile;
            t.Body = body;
        }, ct);
        if (!claimed)
        {
            return null;
        }

        return await CallGatewayAsync(text, () => gateway.SendAsync(new SmsMessage(MessageIdOf(text), parent!.Mobile, body) { NotAfter = QuietFrom(now) }, ct), now, ct);
    }

    private async Task<SendOutcome?> CancelAsync(TextEntity text, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (!await MoveAsync(text, TextStates.Cancelled, now, t => t.CancelReason = reason, ct))
        {
            return null;
        }

        logger.LogInformation("Text {TextId} cancelled at send time: {Reason}", text.RowKey, reason);
        return SendOutcome.Cancelled;
    }

    /// <summary>An alert has no appointment to point at it: it moves to the bucket of the end of quiet hours.</summary>
    private async Task<SendOutcome?> DeferAlertAsync(TextEntity text, DateTimeOffset quietEnd, DateTimeOffset now, CancellationToken ct)
    {
        if (DueBuckets.For(quietEnd) == text.PartitionKey)
        {
            // Already filed under the end of quiet hours (taken off the queue early): back to waiting there.
            text.State = TextStates.Scheduled;
            text.StateChangedAt = now;
            return await texts.TryReplaceAsync(text, ct) ? SendOutcome.Deferred : null;
        }

        await texts.AddIfMissingAsync(new TextEntity
        {
            PartitionKey = DueBuckets.For(quietEnd),
            RowKey = text.RowKey,
            ParentId = text.ParentId,
            Kind = text.Kind,
            DueAt = quietEnd,
            State = TextStates.Scheduled,
            StateChangedAt = now,
            AlertItems = text.AlertItems,
            DigestDate = text.DigestDate,
        }, ct);
        await texts.DeleteAsync(text, ct);
        logger.LogInformation("Text {TextId} fell due in quiet hours; moved to {DueAt:u}", text.RowKey, quietEnd);
        return SendOutcome.Deferred;
    }

    private async Task<SendOutcome> SettleAsync(TextEntity text, DateTimeOffset now, CancellationToken ct)
    {
        var lease = TimeSpan.FromSeconds(reminderOptions.Value.SendingLeaseSeconds);
        if (text.SendingSince is { } since && now - since < lease)
        {
            // Another worker has it, or the provider's answer is awaited: look again when the lease ends,
            // rather than failing this message towards the poison queue.
            await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, since + lease - now + TimeSpan.FromSeconds(1));
            return SendOutcome.CheckLater;
        }

        SmsSendResult? earlier;
        try
        {
            earlier = await gateway.FindAsync(MessageIdOf(text), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The provider could not be asked (it answers 5xx and 429 to lookups too): ask again later rather than
            // spend the queue's few retries, whose end would strand the text in sending.
            return await AskAgainLaterAsync(text, ex, now, lease, ct);
        }

        if (earlier is not null)
        {
            logger.LogWarning("Text {TextId} was interrupted after the provider accepted it; recording that send, not repeating it", text.RowKey);
            await RecordAsync(text, earlier, now, ct);
            return SendOutcome.Settled;
        }

        // No provider took it, so it is as good as unsent, and much may have changed since the first attempt:
        // consent withdrawn, the appointment moved (an alert has none: its parent's consent is what counts),
        // quiet hours begun.
        AppointmentEntity? appointment = null;
        string? reason;
        if (AlertTextKinds.IsAlert(text.Kind))
        {
            (_, reason) = await alertTexts.CheckParentAsync(text, ct);
        }
        else
        {
            appointment = await appointments.GetAsync(text.AppointmentId, ct);
            var parent = appointment is null ? null : await parents.GetAsync(appointment.ParentId, ct);
            reason = WhyNotSend(text, appointment, parent, now);
        }

        if (reason is not null)
        {
            if (!await MoveAsync(text, TextStates.Cancelled, now, t =>
            {
                t.CancelReason = reason;
                t.SendingSince = null;
            }, ct, neverAccepted: true))
            {
                throw new TextBusyException($"Text {text.RowKey} was settled by another worker meanwhile.");
            }

            logger.LogInformation("Text {TextId} was never accepted and is cancelled before repeating it: {Reason}", text.RowKey, reason);
            return SendOutcome.Cancelled;
        }

        var quiet = smsOptions.Value.QuietHours();
        if (quiet.IsQuiet(now))
        {
            return await WaitOutQuietHoursAsync(text, appointment, quiet.EndOfQuietPeriodContaining(now), now, ct);
        }

        if (await cap.TryClaimAsync(text.To!, MessageIdOf(text), now, ct) is { IsTaken: false } full)
        {
            return await WaitForFreeSlotAsync(text, full, now, ct);
        }

        logger.LogWarning("Text {TextId} was interrupted before the provider accepted it; sending it again under the same id", text.RowKey);
        var claimed = await MoveAsync(text, TextStates.Sending, now, t =>
        {
            t.SendingSince = now;
            t.Attempts++;
        }, ct, allowSameState: true);
        if (!claimed)
        {
            throw new TextBusyException($"Text {text.RowKey} was settled by another worker meanwhile.");
        }

        return await CallGatewayAsync(text, () => gateway.SendAsync(new SmsMessage(MessageIdOf(text), text.To!, text.Body!) { IsRepeat = true, NotAfter = QuietFrom(now) }, ct), now, ct);
    }

    /// <summary>When the next quiet hours begin: the gateways start no attempt (a retry after backoff) from then on.</summary>
    private DateTimeOffset? QuietFrom(DateTimeOffset now) => smsOptions.Value.QuietHours().NextStartAfter(now);

    private async Task<SendOutcome> CallGatewayAsync(TextEntity text, Func<Task<SmsSendResult>> send, DateTimeOffset now, CancellationToken ct)
    {
        SmsSendResult result;
        try
        {
            result = await send();
        }
        catch (SmsOutcomeUnknownException ex)
        {
            // The provider may have taken it and cannot de-duplicate a resend: hold the lease until its
            // status callback or a check with it settles the text (SettleAsync), never resend blindly.
            var lease = TimeSpan.FromSeconds(reminderOptions.Value.SendingLeaseSeconds);
            text.SendingSince = now - lease + ex.SettleAfter;
            text.LastError = ex.Message;
            await texts.TryReplaceAsync(text, ct);
            await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, ex.SettleAfter + TimeSpan.FromSeconds(1));
            logger.LogWarning("Text {TextId} to {To}: {Provider} may have accepted it; settling after {SettleAfter}", text.RowKey, PhoneMask.Mask(text.To), ex.Provider, ex.SettleAfter);
            return SendOutcome.CheckLater;
        }
        catch (SmsProviderException ex)
        {
            // No provider took it (an unknown outcome is SmsOutcomeUnknownException, above).
            return await RetryLaterAsync(text, ex, now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // We cannot know whether the provider took it: release the lease so the retry settles it.
            text.SendingSince = now - TimeSpan.FromSeconds(reminderOptions.Value.SendingLeaseSeconds);
            text.LastError = ex.Message;
            await texts.TryReplaceAsync(text, ct);
            logger.LogWarning(ex, "Sending text {TextId} to {To} failed; it will be settled on retry", text.RowKey, PhoneMask.Mask(text.To));
            throw;
        }

        await RecordAsync(text, result, now, ct);
        return SendOutcome.Sent;
    }

    private async Task<SendOutcome> AskAgainLaterAsync(TextEntity text, Exception failure, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        text.LastError = "asking the providers failed: " + failure.Message;
        text.SendingSince = now + FirstRetryDelay - lease;
        if (!await texts.TryReplaceAsync(text, ct))
        {
            throw new TextBusyException($"Text {text.RowKey} was settled by another worker meanwhile.");
        }

        await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, FirstRetryDelay);
        logger.LogWarning("Text {TextId}: asking the providers whether they took it failed ({Reason}); asking again in {Delay}", text.RowKey, failure.Message, FirstRetryDelay);
        return SendOutcome.CheckLater;
    }

    private async Task<SendOutcome> RetryLaterAsync(TextEntity text, SmsProviderException failure, DateTimeOffset now, CancellationToken ct)
    {
        var lease = TimeSpan.FromSeconds(reminderOptions.Value.SendingLeaseSeconds);
        text.LastError = failure.Message;
        if (now - text.DueAt >= TechnicalRetryPeriod)
        {
            if (!await MoveAsync(text, TextStates.Failed, now, t =>
            {
                t.FailureReason = SmsDeliveryStatus.TechnicalFailure.ToWire();
                t.CompletedAt = now;
                t.SendingSince = null;
            }, ct))
            {
                throw new TextBusyException($"Text {text.RowKey} changed while being failed.");
            }

            logger.LogError("Text {TextId} to {To}: every provider failed it for {Period}; technical-failure", text.RowKey, PhoneMask.Mask(text.To), TechnicalRetryPeriod);
            return SendOutcome.Failed;
        }

        var delay = TimeSpan.FromTicks(Math.Min(LongestRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Clamp(text.Attempts - 1, 0, 10)));
        // The lease runs out when the retry comes, so it settles (asks the providers) and repeats at once.
        text.SendingSince = now + delay - lease;
        if (!await texts.TryReplaceAsync(text, ct))
        {
            throw new TextBusyException($"Text {text.RowKey} changed while its retry was being planned.");
        }

        await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, delay);
        logger.LogWarning("Text {TextId} to {To}: every provider failed it ({Reason}); trying again in {Delay}", text.RowKey, PhoneMask.Mask(text.To), failure.Message, delay);
        return SendOutcome.RetryLater;
    }

    private async Task RecordAsync(TextEntity text, SmsSendResult result, DateTimeOffset now, CancellationToken ct)
    {
        var state = TextStates.For(result.Status);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var moved = await MoveAsync(text, state, now, t =>
            {
                t.Provider = result.Provider;
                t.ProviderMessageId = result.ProviderMessageId;
                t.Fragments = result.Fragments;
                t.Cost = (double)SmsPrice.Of(result.Fragments, smsOptions.Value.PricePerFragment);
                t.Encoding = result.Encoding.ToString();
                t.SentAt = result.AcceptedAt;
                t.SendingSince = null;
                if (TextStates.IsFinal(state))
                {
                    t.CompletedAt = now;
                }

                t.FailureReason = state == TextStates.Failed ? result.Status.ToWire() : null;
            }, ct);
            if (moved)
            {
                logger.LogInformation("Text {TextId} ({Kind}) to {To} via {Provider}: {State}", text.RowKey, text.Kind, PhoneMask.Mask(text.To), result.Provider, state);
                SmsOutcomeLog.Record(logger, state, text.RowKey, result.Provider, result.Status);
                return;
            }

            var current = await texts.GetAsync(new TextRef(text.PartitionKey, text.RowKey), ct);
            if (current is null || !TextStates.CanMove(current.State, state))
            {
                return;
            }

            text = current;
        }
    }

    /// <summary>
    /// A text to repeat that comes up in quiet hours keeps its id (a provider that de-duplicates repeats may hold
    /// the first attempt, so a new id could text the parent twice) and is looked at again when they end.
    /// </summary>
    /// <param name="appointment">The reminder's appointment; null for an alert, which has no start to miss.</param>
    private async Task<SendOutcome> WaitOutQuietHoursAsync(TextEntity text, AppointmentEntity? appointment, DateTimeOffset quietEnd, DateTimeOffset now, CancellationToken ct)
    {
        if (appointment is not null && text.Kind != TextKinds.Cancelled && quietEnd >= appointment.StartsAt)
        {
            if (!await MoveAsync(text, TextStates.Cancelled, now, t =>
            {
                t.CancelReason = "quiet-hours-until-start";
                t.SendingSince = null;
            }, ct, neverAccepted: true))
            {
                throw new TextBusyException($"Text {text.RowKey} was settled by another worker meanwhile.");
            }

            return SendOutcome.Cancelled;
        }

        // The lease runs out as quiet hours end, so the look then settles it (and repeats it) at once.
        text.SendingSince = quietEnd - TimeSpan.FromSeconds(reminderOptions.Value.SendingLeaseSeconds);
        if (!await texts.TryReplaceAsync(text, ct))
        {
            throw new TextBusyException($"Text {text.RowKey} was settled by another worker meanwhile.");
        }

        await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, quietEnd - now + TimeSpan.FromSeconds(1));
        logger.LogInformation("Text {TextId} to repeat fell in quiet hours; looking again at {QuietEnd:u}", text.RowKey, quietEnd);
        return SendOutcome.Deferred;
    }

    /// <summary>
    /// The number has had its texts in the last 60 minutes: the text is left as it is (not yet sending, so nothing is lost
    /// or claimed) and a delayed message brings it back as the next slot frees; a second message for it meanwhile finds
    /// the number full too. Another text may take that slot first: this one is then held again, never dropped.
    /// </summary>
    private async Task<SendOutcome> HoldForFreeSlotAsync(TextEntity text, CapClaim full, DateTimeOffset now, CancellationToken ct)
    {
        await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, full.DelayFrom(now));
        logger.LogInformation("Text {TextId}: its number has had {Cap} texts in the last hour; it waits until {FullUntil:u}", text.RowKey, smsOptions.Value.MaxPerNumberPerHour, full.FullUntil);
        return SendOutcome.HeldForHourlyCap;
    }

    /// <summary>A text to repeat whose number is full keeps its id, as in quiet hours, and is looked at again as the next slot frees.</summary>
    private async Task<SendOutcome> WaitForFreeSlotAsync(TextEntity text, CapClaim full, DateTimeOffset now, CancellationToken ct)
    {
        var delay = full.DelayFrom(now);
        // The lease runs out as the message comes back, so that look settles it (and repeats it) at once.
        text.SendingSince = now + delay - TimeSpan.FromSeconds(reminderOptions.Value.SendingLeaseSeconds);
        if (!await texts.TryReplaceAsync(text, ct))
        {
            throw new TextBusyException($"Text {text.RowKey} was settled by another worker meanwhile.");
        }

        await queue.EnqueueAsync(new TextRef(text.PartitionKey, text.RowKey), ct, delay);
        logger.LogInformation("Text {TextId} to repeat: its number has had its texts in the last hour; looking again at {FullUntil:u}", text.RowKey, full.FullUntil);
        return SendOutcome.HeldForHourlyCap;
    }

    private async Task<SendOutcome?> DeferAsync(TextEntity text, AppointmentEntity appointment, DateTimeOffset quietEnd, DateTimeOffset now, CancellationToken ct)
    {
        if (text.Kind != TextKinds.Cancelled && quietEnd >= appointment.StartsAt)
        {
            return await MoveAsync(text, TextStates.Cancelled, now, t => t.CancelReason = "quiet-hours-until-start", ct) ? SendOutcome.Cancelled : null;
        }

        var moved = new TextEntity
        {
            PartitionKey = DueBuckets.For(quietEnd),
            RowKey = text.RowKey,
            AppointmentId = text.AppointmentId,
            AppointmentVersion = text.AppointmentVersion,
            ParentId = text.ParentId,
            Kind = text.Kind,
            DueAt = quietEnd,
            State = TextStates.Scheduled,
            StateChangedAt = now,
        };
        await texts.AddIfMissingAsync(moved, ct);
        var oldRef = new TextRef(text.PartitionKey, text.RowKey);
        var newRef = new TextRef(moved.PartitionKey, moved.RowKey);
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            appointment.ReplaceTextRef(oldRef, newRef);
            if (await appointments.TryReplaceAsync(appointment, ct))
            {
                break;
            }

            appointment = await appointments.GetAsync(appointment.Id, ct) ?? appointment;
        }

        await texts.DeleteAsync(text, ct);
        logger.LogInformation("Text {TextId} fell due in quiet hours; moved to {DueAt:u}", text.RowKey, quietEnd);
        return SendOutcome.Deferred;
    }

    private static string MessageIdOf(TextEntity text) => new TextRef(text.PartitionKey, text.RowKey).MessageId;

    private static string? WhyNotSend(TextEntity text, AppointmentEntity? appointment, ParentEntity? parent, DateTimeOffset now)
    {
        if (appointment is null)
        {
            return "appointment-missing";
        }

        if (appointment.Version != text.AppointmentVersion)
        {
            return "appointment-rescheduled";
        }

        if (appointment.Status == AppointmentStatuses.Cancelled && text.Kind != TextKinds.Cancelled)
        {
            return "appointment-cancelled";
        }

        if (parent is null || !parent.MayReceiveReminders)
        {
            return "no-consent";
        }

        if (text.Kind != TextKinds.Cancelled && now >= appointment.StartsAt)
        {
            return "appointment-started";
        }

        return null;
    }

    /// <param name="neverAccepted">
    /// The text is sending but every provider that can be asked said it never took it: cancelling it is
    /// allowed, as for a text never sent.
    /// </param>
    private async Task<bool> MoveAsync(TextEntity text, string state, DateTimeOffset now, Action<TextEntity> change, CancellationToken ct, bool allowSameState = false, bool neverAccepted = false)
    {
        var unsentCancel = neverAccepted && text.State == TextStates.Sending && state == TextStates.Cancelled;
        if (!(allowSameState && text.State == state) && !unsentCancel && !TextStates.CanMove(text.State, state))
        {
            return false;
        }

        text.State = state;
        text.StateChangedAt = now;
        change(text);
        return await texts.TryReplaceAsync(text, ct);
    }
}
