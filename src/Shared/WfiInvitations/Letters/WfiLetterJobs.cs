using Pilot.Shared.Letters.Dispatch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Letters;
using Pilot.Shared.Parents;
using Pilot.Shared.Phones;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Letters;

/// <summary>
/// Works one letter job: renders the PDF (requested → letter-ready, the PDF kept in Blob storage),
/// dispatches it (letter-ready → posted) and sends the companion text. Each step is an ETag-checked
/// move of the invitation and each side effect is idempotent (the blob is overwritten with the same
/// letter, the dispatcher is idempotent on the reference, the text is a Texts row with a fixed id, sent by the one
/// sender), so a job delivered twice, or retried after a crash, posts one letter and sends one text.
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
    OutboundTexts outbound,
    LetterStore letters,
    WfiLetterJobWriter queue,
    IOptions<WfiOptions> options,
    TimeProvider time,
    ILogger<WfiLetterJobs> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <summary>How long after the letter was rendered a dispatch that was not confirmed is still tried again by a delayed job.</summary>
    public static readonly TimeSpan DispatchRetryPeriod = TimeSpan.FromHours(4);

    private static readonly TimeSpan CompanionRetryDelay = TimeSpan.FromSeconds(30);


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

    /// <summary>
    /// The companion text is a Texts row sent by the one sender (<see cref="OutboundTexts"/>), so it is exactly once like a
    /// reminder: quiet hours, the number's hourly cap, the retries and an interrupted send are the sender's. The job
    /// records what became of it; while the text waits, the job comes back when the sender will look at it again.
    /// </summary>
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
            var centre = Venue(await venues.AllAsync(ct), invitation.CentreVenueId, invitation);
            var report = await outbound.SendNowAsync(new TextEntity
            {
                RowKey = CompanionTextId(invitation),
                Kind = WfiTextKinds.LetterComing,
                ParentId = parent.Id,
                OfficeId = invitation.OfficeId,
                InvitationId = invitation.Id,
                To = parent.Mobile,
                Body = WfiTexts.LetterComing(parent, invitation, centre),
                RequestedAt = invitation.PostedAt,
            }, ct);
            if (report.Outcome is SendOutcome.Sent or SendOutcome.Settled || report.State is TextStates.Sent or TextStates.Delivered)
            {
                outcome = "sent";
                logger.LogInformation("WFI letter {Reference}: companion text to {Mobile} sent", invitation.Reference, PhoneMask.Mask(parent.Mobile));
            }
            else if (report.Outcome == SendOutcome.Cancelled || report.State == TextStates.Cancelled)
            {
                outcome = report.Reason ?? "cancelled";
            }
            else if (report.Outcome == SendOutcome.Failed || report.State == TextStates.Failed)
            {
                outcome = "failed";
            }
            else
            {
                // It waits (quiet hours, the number's hour, a retry, another worker's send): the sender's delayed message
                // will send it; the job comes back then to record it.
                var now = time.GetUtcNow();
                var wait = (report.Until ?? now + CompanionRetryDelay) - now;
                await queue.EnqueueAsync(new WfiLetterJob(invitation.OfficeId, invitation.Id), ct, (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) + TimeSpan.FromSeconds(1));
                logger.LogInformation("WFI letter {Reference}: companion text {Outcome}; the job comes back at {Until:u}", invitation.Reference, report.Outcome, now + wait);
                return Step.Done;
            }
        }

        invitation.CompanionText = outcome;
        return await store.TryReplaceAsync(invitation, ct) ? Step.Done : Step.Conflict;
    }

    /// <summary>The companion text's row key in Texts (its id with the providers is its due minute and this).</summary>
    public static string CompanionTextId(WfiInvitationEntity invitation) => $"wfi-{invitation?.Id}-letter";

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
