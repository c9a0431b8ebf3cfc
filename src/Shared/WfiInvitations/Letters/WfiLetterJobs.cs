using Pilot.Shared.Letters.Dispatch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Letters;
using Pilot.Shared.Parents;
using Pilot.Shared.Phones;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Resilience;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Letters;

/// <summary>
/// Works one letter job: renders the PDF (requested → letter-ready, the PDF kept in Blob storage),
/// dispatches it (letter-ready → posted) and sends the companion text. Each step is an ETag-checked
/// move of the invitation and each side effect is idempotent (the blob is overwritten with the same
/// letter, the dispatcher is idempotent on the reference, the text has a fixed message id), so a job
/// delivered twice, or retried after a crash, posts one letter and sends one text.
/// An erasure or a cancellation may come at any moment: the invitation is read again just before the
/// PDF is stored and just before it is posted, and a job that finds it changed stores and posts
/// nothing; one that stored or posted it in the meantime deletes every copy of the letter.
/// </summary>
public sealed class WfiLetterJobs(
    WfiInvitationStore store,
    ParentStore parents,
    VenueStore venues,
    ILetterRenderer renderer,
    ILetterDispatcher dispatcher,
    ISmsGateway gateway,
    HourlyTextCap cap,
    LetterStore letters,
    WfiLetterJobWriter queue,
    IOptions<WfiOptions> options,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<WfiLetterJobs> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <summary>How long after the letter was rendered a dispatch that was not confirmed is still tried again by a delayed job.</summary>
    public static readonly TimeSpan DispatchRetryPeriod = TimeSpan.FromHours(4);

    private static readonly TimeSpan CompanionRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Longer than a send through the SMS gateway can take (its pipelines' 60 s total timeout).</summary>
    public static readonly TimeSpan CompanionSendingLease = TimeSpan.FromSeconds(90);

    public async Task ProcessAsync(WfiLetterJob? job, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(job?.OfficeId) || string.IsNullOrWhiteSpace(job.InvitationId))
        {
            throw new WfiLetterJobException("The letter job names no officeId and invitationId.");
        }

        var invitation = await store.GetAsync(job.OfficeId, job.InvitationId, ct)
            ?? throw new WfiLetterJobException($"No invitation {job.InvitationId} of office {job.OfficeId}.");
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var moved = invitation.Status switch
            {
                WfiInvitationStatuses.Requested => await RenderAsync(invitation, ct),
                WfiInvitationStatuses.LetterReady => await DispatchAsync(invitation, ct),
                _ when invitation.PostedAt is not null && invitation.CompanionText is null && WfiInvitationStatuses.IsOpen(invitation.Status)
                    => await SendCompanionTextAsync(invitation, ct),
                _ => Step.Done,
            };
            if (moved == Step.Done)
            {
                return;
            }

            // A step done, or someone changed the invitation first: read it again and carry on from there.
            invitation = await store.GetAsync(job.OfficeId, job.InvitationId, ct)
                ?? throw new WfiLetterJobException($"Invitation {job.InvitationId} of office {job.OfficeId} disappeared.");
            if (moved == Step.Next)
            {
                attempt--;
            }
        }

        throw new InvalidOperationException($"Invitation {job.InvitationId} kept changing; the job will be retried.");
    }

    private enum Step
    {
        Next,
        Conflict,
        Done,
    }

    private async Task<Step> RenderAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        var parent = await parents.GetAsync(invitation.ParentId, ct)
            ?? throw new WfiLetterJobException($"Invitation {invitation.Id}: parent {invitation.ParentId} not found.");
        var all = await venues.AllAsync(ct);
        var office = Venue(all, invitation.OfficeId, invitation);
        var letter = WfiLetterComposer.Compose(
            invitation,
            parent,
            office,
            Venue(all, invitation.JobcentreVenueId, invitation),
            Venue(all, invitation.CentreVenueId, invitation),
            options.Value,
            options.Value.TokenKey(),
            RespondByDate.LondonDate(time.GetUtcNow()));
        if (!letter.IsOk)
        {
            throw new WfiLetterJobException($"Invitation {invitation.Id}: the letter cannot be addressed: {string.Join("; ", letter.Errors.Select(e => $"{e.Field} {e.Message}"))}");
        }

        var pdf = renderer.Render(letter.Value!);
        if (await StopBeforeAsync(invitation, "storing", ct) is { } stop)
        {
            return stop;
        }

        var container = await letters.ContainerAsync();
        await container.GetBlobClient(RenderedBlobName(invitation)).UploadAsync(BinaryData.FromBytes(pdf), overwrite: true, ct);
        invitation.Status = WfiInvitationStatuses.LetterReady;
        invitation.LetterBlob = $"{container.Name}/{RenderedBlobName(invitation)}";
        invitation.LetterReadyAt = time.GetUtcNow();
        if (!await store.TryReplaceAsync(invitation, ct))
        {
            await DiscardIfStoppedAsync(invitation, ct);
            return Step.Conflict;
        }

        logger.LogInformation("WFI letter {Reference} rendered ({Bytes} bytes) and stored as {Blob}", invitation.Reference, pdf.Length, invitation.LetterBlob);
        return Step.Next;
    }

    private async Task<Step> DispatchAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        var pdf = (await (await letters.ContainerAsync()).GetBlobClient(RenderedBlobName(invitation)).DownloadContentAsync(ct)).Value.Content.ToMemory();
        if (await StopBeforeAsync(invitation, "posting", ct) is { } stop)
        {
            return stop;
        }

        LetterDispatch dispatch;
        try
        {
            dispatch = await dispatcher.DispatchAsync(invitation.Reference, pdf, ct);
        }
        catch (LetterDispatchException ex) when (!ex.IsPermanent && ex.RetryAfter is { } wait
            && time.GetUtcNow() - (invitation.LetterReadyAt ?? time.GetUtcNow()) < DispatchRetryPeriod)
        {
            // The letter may be with the channel (an answer lost) or in another worker's hands: only once its
            // sending lease has ended can a retry settle it. The queue's few quick retries would end sooner and
            // poison the job, leaving the invitation letter-ready for good; a delayed job comes back in time.
            await queue.EnqueueAsync(new WfiLetterJob(invitation.OfficeId, invitation.Id), ct, wait + TimeSpan.FromSeconds(1));
            logger.LogWarning("WFI letter {Reference} not confirmed dispatched ({Reason}); the job comes back in {Delay}", invitation.Reference, ex.Message, wait);
            return Step.Done;
        }

        invitation.Status = WfiInvitationStatuses.Posted;
        invitation.PostedAt = time.GetUtcNow();
        invitation.DispatchChannel = dispatch.Channel;
        invitation.DispatchReference = dispatch.ProviderReference;
        if (!await store.TryReplaceAsync(invitation, ct))
        {
            await DiscardIfStoppedAsync(invitation, ct);
            return Step.Conflict;
        }

        logger.LogInformation("WFI letter {Reference} posted through {Channel} ({ProviderReference})", invitation.Reference, dispatch.Channel, dispatch.ProviderReference);
        return Step.Next;
    }

    private async Task<Step> SendCompanionTextAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        var parent = await parents.GetAsync(invitation.ParentId, ct);
        string outcome;
        if (parent is null || string.IsNullOrEmpty(parent.Mobile))
        {
            outcome = "no-mobile";
        }
        else if (parent.OptedOutAt is not null)
        {
            outcome = "opted-out";
        }
        else
        {
            var now = time.GetUtcNow();
            var quiet = smsOptions.Value.QuietHours();
            if (quiet.IsQuiet(now))
            {
                // Never a text in quiet hours: the job comes back when they end.
                await queue.EnqueueAsync(new WfiLetterJob(invitation.OfficeId, invitation.Id), ct, quiet.EndOfQuietPeriodContaining(now) - now);
                logger.LogInformation("WFI letter {Reference}: companion text waits for the end of quiet hours", invitation.Reference);
                return Step.Done;
            }

            if (invitation.CompanionSendingSince is { } since)
            {
                if (now - since < CompanionSendingLease)
                {
                    // Another delivery of this job is sending it (the fault run saw both send it at once): look again
                    // when that send must have ended.
                    await queue.EnqueueAsync(new WfiLetterJob(invitation.OfficeId, invitation.Id), ct, since + CompanionSendingLease - now + TimeSpan.FromSeconds(1));
                    return Step.Done;
                }

                // A worker died while sending it: a provider may have it and cannot be asked (no Texts row), so at
                // most once: counted as sent, not sent again.
                logger.LogWarning("WFI letter {Reference}: the companion text to {Mobile} was being sent by a worker that stopped; not sent again", invitation.Reference, PhoneMask.Mask(parent.Mobile));
                invitation.CompanionText = "sent";
                return await store.TryReplaceAsync(invitation, ct) ? Step.Done : Step.Conflict;
            }

            var messageId = $"wfi-{invitation.Id}-letter";
            if (await cap.TryClaimAsync(parent.Mobile, messageId, now, ct) is { IsTaken: false } full)
            {
                // The parent's number has had its texts in the last 60 minutes: the job comes back as the next slot frees.
                await queue.EnqueueAsync(new WfiLetterJob(invitation.OfficeId, invitation.Id), ct, full.DelayFrom(now));
                logger.LogInformation("WFI letter {Reference}: companion text waits until {FullUntil:u} (hourly cap per number)", invitation.Reference, full.FullUntil);
                return Step.Done;
            }

            invitation.CompanionSendingSince = now;
            if (!await store.TryReplaceAsync(invitation, ct))
            {
                return Step.Conflict;
            }

            var centre = Venue(await venues.AllAsync(ct), invitation.CentreVenueId, invitation);
            var message = new SmsMessage(messageId, parent.Mobile, WfiTexts.LetterComing(parent, invitation, centre)) { FirstSentAt = invitation.PostedAt, NotAfter = quiet.NextStartAfter(now) };
            try
            {
                var result = await gateway.SendAsync(message, ct);
                logger.LogInformation("WFI letter {Reference}: companion text to {Mobile} through {Provider}", invitation.Reference, PhoneMask.Mask(parent.Mobile), result.Provider);
            }
            catch (SmsOutcomeUnknownException ex)
            {
                // The provider may have it and cannot be asked about a text with no Texts row: sending again
                // could text the parent twice, so the companion text is counted as sent (at most once).
                logger.LogWarning("WFI letter {Reference}: {Provider} may have accepted the companion text to {Mobile}; not sent again", invitation.Reference, ex.Provider, PhoneMask.Mask(parent.Mobile));
            }
            catch (SmsProviderException ex) when (now - (invitation.PostedAt ?? now) < DispatchRetryPeriod)
            {
                // No provider took it: the job comes back later rather than using up the queue's quick retries
                // (which would poison it and leave the companion text unsent for good).
                invitation.CompanionSendingSince = null;
                await store.TryReplaceAsync(invitation, ct);
                await queue.EnqueueAsync(new WfiLetterJob(invitation.OfficeId, invitation.Id), ct, CompanionRetryDelay);
                logger.LogWarning("WFI letter {Reference}: no provider took the companion text ({Reason}); the job comes back in {Delay}", invitation.Reference, ex.Message, CompanionRetryDelay);
                return Step.Done;
            }

            outcome = "sent";
        }

        invitation.CompanionText = outcome;
        return await store.TryReplaceAsync(invitation, ct) ? Step.Done : Step.Conflict;
    }

    /// <summary>
    /// Null to go on with <paramref name="what"/>; otherwise the step to return: the invitation changed since
    /// it was read (cancelled, erased, or moved on by another delivery: the loop reads it again and carries on
    /// from there), or its parent is gone (an erasure under way, which cancels the invitation next).
    /// </summary>
    private async Task<Step?> StopBeforeAsync(WfiInvitationEntity invitation, string what, CancellationToken ct)
    {
        var fresh = await store.GetAsync(invitation.OfficeId, invitation.Id, ct);
        if (fresh is null || fresh.ETag != invitation.ETag)
        {
            return Step.Conflict;
        }

        if (await parents.GetAsync(invitation.ParentId, ct) is null)
        {
            logger.LogWarning("WFI letter {Reference}: the parent is being erased; stopped before {What}", invitation.Reference, what);
            return Step.Done;
        }

        return null;
    }

    /// <summary>
    /// After a step lost its race: when the invitation was cancelled or its parent erased meanwhile, the letter
    /// this job stored (or the channel's copy of one it posted) must not stay behind.
    /// </summary>
    private async Task DiscardIfStoppedAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        var fresh = await store.GetAsync(invitation.OfficeId, invitation.Id, ct);
        if (fresh is null || fresh.Status == WfiInvitationStatuses.Cancelled || fresh.ParentId != invitation.ParentId)
        {
            var deleted = await letters.DeleteEveryCopyAsync(invitation.Reference, ct);
            logger.LogWarning("WFI letter {Reference}: the invitation was cancelled or its parent erased meanwhile; {Deleted} copies of the letter deleted", invitation.Reference, deleted);
        }
    }

    /// <summary>Rendered letters wait here, in the letters container, until dispatched (the store then keeps them by reference).</summary>
    public static string RenderedBlobName(WfiInvitationEntity invitation) => RenderedBlobName(invitation?.Reference);

    public static string RenderedBlobName(string? reference) => $"rendered/{reference}.pdf";

    private static Venue Venue(IReadOnlyDictionary<string, Venue> all, string id, WfiInvitationEntity invitation)
        => all.GetValueOrDefault(id) ?? throw new WfiLetterJobException($"Invitation {invitation.Id}: venue {id} not found.");
}
