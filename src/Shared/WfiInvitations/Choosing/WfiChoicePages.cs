using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// The pages behind a letter's short link (<c>/api/c/{token}</c>). A token that is malformed, unknown
/// or altered gets one "not valid" page (which of those is not revealed); an expired one a page saying
/// so. After a choice the same link shows it and lets the parent change it until the reply date ends:
/// that is how a parent changes their mind on the web. Every answer is a page, never an error trace.
/// </summary>
public sealed class WfiChoicePages(
    WfiInvitationStore store,
    WfiChoices choices,
    VenueStore venues,
    IOptions<WfiOptions> options,
    TimeProvider time,
    ILogger<WfiChoicePages> logger)
{
    public async Task<WfiPage> ShowAsync(string? token, CancellationToken ct)
    {
        var (invitation, model, refusal) = await OpenAsync(token, ct);
        return refusal ?? (invitation!.Status == WfiInvitationStatuses.Defaulted
            ? Defaulted(model!)
            : new WfiPage(200, WfiPageHtml.Form(model!, error: null)));
    }

    public async Task<WfiPage> ChooseAsync(string? token, string? option, CancellationToken ct)
    {
        var (invitation, model, refusal) = await OpenAsync(token, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invitation!.Status == WfiInvitationStatuses.Defaulted)
        {
            return Defaulted(model!);
        }

        if (!WfiOptionKeys.IsValid(option))
        {
            return new WfiPage(400, WfiPageHtml.Form(model!, "Choose where you would like your interview: the Jobcentre or the children's centre."));
        }

        var result = await choices.ChooseAsync(invitation, option!, WfiChoiceMethods.Web, ct);
        return result.Kind switch
        {
            WfiChoiceResultKind.Booked => new WfiPage(200, WfiPageHtml.Booked(model! with { Chosen = option }, option!, changed: true)),
            WfiChoiceResultKind.Unchanged => new WfiPage(200, WfiPageHtml.Booked(model!, option!, changed: false)),
            WfiChoiceResultKind.Closed => new WfiPage(410, WfiPageHtml.Message("You can no longer choose online", "The time to choose has passed. Please call your Jobcentre to change your interview.", model)),
            _ => new WfiPage(409, WfiPageHtml.Message("Sorry, we could not book your interview", "Please try again, or call your Jobcentre.", model)),
        };
    }

    private async Task<(WfiInvitationEntity? Invitation, WfiPageModel? Model, WfiPage? Refusal)> OpenAsync(string? token, CancellationToken ct)
    {
        var invalid = new WfiPage(400, WfiPageHtml.Message("This link is not valid", "Check that you typed the whole link from your letter, or reply to the text message instead. You can also call your Jobcentre.", model: null));
        if (!ChoiceToken.TryRead(token, out var parts))
        {
            return (null, null, invalid);
        }

        var invitation = await store.FindByReferenceAsync(parts.Reference, ct);
        if (invitation is null || !ChoiceToken.IsGenuine(parts, invitation.Id, options.Value.TokenKey()))
        {
            logger.LogWarning("A WFI choice link that is not genuine was used (reference {Reference})", parts.Reference);
            return (null, null, invalid);
        }

        var all = await venues.AllAsync(ct);
        if (all.GetValueOrDefault(invitation.JobcentreVenueId) is not { } jobcentre
            || all.GetValueOrDefault(invitation.CentreVenueId) is not { } centre
            || all.GetValueOrDefault(invitation.OfficeId) is not { } office)
        {
            return (null, null, invalid);
        }

        var model = new WfiPageModel(
            invitation.Reference,
            $"/api/c/{token}",
            jobcentre,
            invitation.JobcentreStartsAt,
            centre,
            invitation.CentreStartsAt,
            WfiPageHtml.Date(DateOnly.ParseExact(invitation.RespondBy, RespondByDate.Format, System.Globalization.CultureInfo.InvariantCulture)),
            invitation.Choice,
            office.Name,
            office.Phone);
        if (invitation.Status == WfiInvitationStatuses.Cancelled)
        {
            return (invitation, model, new WfiPage(410, WfiPageHtml.Message("This invitation was cancelled", "You do not need to do anything. Your Jobcentre will contact you if they need to see you.", model)));
        }

        if (time.GetUtcNow() >= parts.ExpiresAt && invitation.Status != WfiInvitationStatuses.Defaulted)
        {
            var what = invitation.Choice is { } chosen
                ? $"You chose {(chosen == WfiOptionKeys.Centre ? centre.Name : jobcentre.Name)}. To change your interview, please call your Jobcentre."
                : "The time to choose has passed. Please call your Jobcentre.";
            return (invitation, model, new WfiPage(410, WfiPageHtml.Message("This link has expired", what, model)));
        }

        return (invitation, model, null);
    }

    private static WfiPage Defaulted(WfiPageModel model)
        => new(200, WfiPageHtml.Message(
            "Your interview is at the Jobcentre",
            $"We did not hear from you by {model.RespondByText}, so your interview is at {model.Jobcentre.Name} on {WfiPageHtml.When(model.JobcentreStartsAt)}. To change it, please call your Jobcentre.",
            model));
}
