using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Parents;
using Pilot.Shared.Phones;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// The reply date has passed with no answer to a posted letter: book the Jobcentre option and tell the
/// parent by text (unless they have no mobile or opted out). Runs on a timer; reads only the open
/// invitations whose reply date is before today, and does nothing in quiet hours so texts never go at night.
/// </summary>
public sealed class WfiDefaults(
    WfiInvitationStore store,
    WfiChoices choices,
    ParentStore parents,
    VenueStore venues,
    OutboundTexts outbound,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<WfiDefaults> logger)
{
    /// <returns>How many invitations were defaulted.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (smsOptions.Value.QuietHours().IsQuiet(now))
        {
            return 0;
        }

        var defaulted = 0;
        foreach (var invitation in await store.OpenWithRespondByBeforeAsync(RespondByDate.Text(RespondByDate.LondonDate(now)), ct))
        {
            if (invitation.Status != WfiInvitationStatuses.Posted)
            {
                // Answered or cancelled meanwhile; or the letter never went out (its job is in the poison
                // queue), and a parent who was never asked is not booked by default: the office sees it.
                if (invitation.Status is WfiInvitationStatuses.Requested or WfiInvitationStatuses.LetterReady)
                {
                    logger.LogWarning("WFI invitation {InvitationId}: the reply date passed but its letter was never posted; not defaulted", invitation.Id);
                }

                await store.CloseAsync(invitation, ct);
                continue;
            }

            var result = await choices.ChooseAsync(invitation, WfiOptionKeys.Jobcentre, WfiChoiceMethods.Default, ct);
            if (result.Kind != WfiChoiceResultKind.Booked)
            {
                logger.LogWarning("WFI invitation {InvitationId} could not default to the Jobcentre: {Detail}", invitation.Id, result.Detail);
                continue;
            }

            defaulted++;
            var parent = await parents.GetAsync(invitation.ParentId, ct);
            if (parent is { Mobile.Length: > 0, OptedOutAt: null } && await venues.GetAsync(invitation.JobcentreVenueId, ct) is { } jobcentre)
            {
                // A Texts row sent by the one sender: exactly once, and like a reminder it waits for the number's next
                // free slot and is retried, rather than going over the cap or being lost when a send fails.
                var report = await outbound.SendNowAsync(new TextEntity
                {
                    RowKey = $"wfi-{invitation.Id}-defaulted",
                    Kind = WfiTextKinds.Defaulted,
                    ParentId = parent.Id,
                    OfficeId = invitation.OfficeId,
                    InvitationId = invitation.Id,
                    To = parent.Mobile,
                    Body = WfiTexts.Defaulted(parent, result.Invitation, jobcentre),
                    RequestedAt = result.Invitation.ChosenAt ?? time.GetUtcNow(),
                }, ct);
                logger.LogInformation("WFI invitation {InvitationId} defaulted to the Jobcentre; text to {Mobile}: {Outcome}", invitation.Id, PhoneMask.Mask(parent.Mobile), report.Outcome);
            }
        }

        return defaulted;
    }
}
