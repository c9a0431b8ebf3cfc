using Microsoft.Extensions.Logging;
using Pilot.Shared.Parents;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// A parent's text answering a WFI letter. "1", "2", "centre", "jobcentre" or a venue's name is matched
/// to the sender's open invitation; with more than one open, a reference in the text decides, otherwise
/// we ask for it. A text that names no option is not ours: it goes to the adviser as before.
/// </summary>
public sealed class WfiTextReplies(
    WfiInvitationStore store,
    WfiChoices choices,
    VenueStore venues,
    TimeProvider time,
    ILogger<WfiTextReplies> logger) : IInboundReplyHandler
{
    public async Task<InboundReplyAnswer?> TryHandleAsync(InboundText text, IReadOnlyList<ParentEntity> parents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parents);
        var reply = WfiReplyParser.Read(text.Body);
        if (reply.Words.Length == 0)
        {
            return null;
        }

        var invitations = new List<(WfiInvitationEntity Invitation, ParentEntity Parent)>();
        foreach (var parent in parents)
        {
            invitations.AddRange((await store.ForParentAsync(parent.Id, ct)).Select(i => (i, parent)));
        }

        var all = await venues.AllAsync(ct);
        var now = time.GetUtcNow();
        if (reply.Reference is not null)
        {
            var named = invitations.Where(i => i.Invitation.Reference == reply.Reference).ToList();
            if (named.Count != 1 || OptionFor(reply.Words, named[0].Invitation, all) is not { } chosen)
            {
                return null;
            }

            return await ChooseAsync(named[0].Invitation, named[0].Parent, chosen, all, ct);
        }

        var candidates = invitations
            // A letter not posted yet is one the parent cannot be answering.
            .Where(i => WfiInvitationStatuses.IsOpen(i.Invitation.Status) && (i.Invitation.PostedAt is not null || i.Invitation.Status == WfiInvitationStatuses.Chosen))
            .Where(i => now < RespondByDate.EndOf(i.Invitation.RespondBy))
            .Select(i => (i.Invitation, i.Parent, Option: OptionFor(reply.Words, i.Invitation, all)))
            .Where(c => c.Option is not null)
            .ToList();
        switch (candidates.Count)
        {
            case 0:
                return null;
            case 1:
                return await ChooseAsync(candidates[0].Invitation, candidates[0].Parent, candidates[0].Option!, all, ct);
            default:
                logger.LogInformation("Inbound text {ProviderMessageId} could answer {Count} WFI letters; asked for the reference", text.ProviderMessageId, candidates.Count);
                return new InboundReplyAnswer(WfiTexts.WhichLetter(candidates[0].Parent, candidates[0].Invitation));
        }
    }

    private async Task<InboundReplyAnswer?> ChooseAsync(WfiInvitationEntity invitation, ParentEntity parent, string option, IReadOnlyDictionary<string, Venue> all, CancellationToken ct)
    {
        var result = await choices.ChooseAsync(invitation, option, WfiChoiceMethods.Text, ct);
        var chosen = result.Invitation;
        var venue = all.GetValueOrDefault(option == WfiOptionKeys.Centre ? chosen.CentreVenueId : chosen.JobcentreVenueId);
        var startsAt = option == WfiOptionKeys.Centre ? chosen.CentreStartsAt : chosen.JobcentreStartsAt;
        return result.Kind switch
        {
            // A parent who gets reminders hears from the booking's own confirmation; anyone else is told here.
            WfiChoiceResultKind.Booked when parent.MayReceiveReminders => new InboundReplyAnswer(null),
            WfiChoiceResultKind.Booked or WfiChoiceResultKind.Unchanged when venue is not null => new InboundReplyAnswer(WfiTexts.Booked(parent, chosen, venue, startsAt)),
            WfiChoiceResultKind.Closed => new InboundReplyAnswer(WfiTexts.Closed(parent, chosen, all.GetValueOrDefault(chosen.OfficeId)?.Phone ?? "")),
            _ => null,
        };
    }

    private static string? OptionFor(string words, WfiInvitationEntity invitation, IReadOnlyDictionary<string, Venue> all)
        => WfiReplyParser.OptionFor(
            words,
            all.GetValueOrDefault(invitation.JobcentreVenueId)?.Name ?? "",
            all.GetValueOrDefault(invitation.CentreVenueId)?.Name ?? "");
}
