using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// The pages behind a letter's short link (<c>/api/c/{token}</c>). A token that is malformed, unknown
/// or altered gets one "not valid" page (which of those is not revealed); an expired one a page saying
/// so. A link takes one choice: once used it shows the choice and refuses another ("already used"), and
/// the page after the choice carries the next link, which is how a parent changes their mind on the web
/// until the reply date ends (or they reply by text, or call). Every answer is a page, never an error trace.
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
            : invitation.WebChoices != Use(token)
                ? LinkUsed(model!)
                : new WfiPage(200, WfiPageHtml.Form(model!, error: null)));
    }

    /// <summary>
    /// A choice posted through the link. The form is read by <paramref name="readForm"/> only once the link is
    /// known to be genuine and open: a bad, expired or used link is answered without reading the body at all.
    /// </summary>
    public async Task<WfiPage> ChooseAsync(string? token, Func<CancellationToken, Task<WfiChoiceForm>> readForm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readForm);
        var (invitation, model, refusal) = await OpenAsync(token, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invitation!.Status == WfiInvitationStatuses.Defaulted)
        {
            return Defaulted(model!);
        }

        var form = await readForm(ct);
        if (form.TooLarge)
        {
            return new WfiPage(413, WfiPageHtml.Message("Sorry, we could not read your answer", "Your answer was too long for this page. Go back to the link in your letter and choose again, reply to our text message, or call your Jobcentre.", model));
        }

        var option = form.Choice;
        if (!WfiOptionKeys.IsValid(option))
        {
            return new WfiPage(400, WfiPageHtml.Form(model!, "Choose where you would like your interview: the Jobcentre or the children's centre."));
        }

        var result = await choices.ChooseOnWebAsync(invitation, option!, Use(token), ct);
        return result.Kind switch
        {
            WfiChoiceResultKind.Booked => new WfiPage(200, WfiPageHtml.Booked(model! with { Chosen = option, Action = NextLink(result.Invitation) }, option!, changed: true)),
            WfiChoiceResultKind.LinkUsed => LinkUsed(model! with { Chosen = result.Invitation.Choice }),
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

    /// <summary>The link for the next web choice, given on the page after one: the same expiry, the next use number.</summary>
    private string NextLink(WfiInvitationEntity invitation)
        => "/api/c/" + ChoiceToken.Create(invitation.Reference, invitation.Id, RespondByDate.EndOf(invitation.RespondBy), options.Value.TokenKey(), invitation.WebChoices);

    /// <summary>The use number of a token <see cref="OpenAsync"/> has already found genuine.</summary>
    private static int Use(string? token) => ChoiceToken.TryRead(token, out var parts) ? parts.Use : -1;

    private static WfiPage LinkUsed(WfiPageModel model)
    {
        var chosen = model.Chosen switch
        {
            WfiOptionKeys.Centre => $"You chose {model.Centre.Name}, {WfiPageHtml.When(model.CentreStartsAt)}. ",
            WfiOptionKeys.Jobcentre => $"You chose {model.Jobcentre.Name}, {WfiPageHtml.When(model.JobcentreStartsAt)}. ",
            _ => "",
        };
        return new WfiPage(410, WfiPageHtml.Message(
            "This link has already been used",
            $"{chosen}Each link can be used for one choice. To change your choice by the end of {model.RespondByText}, reply to our text message with 1 for the Jobcentre or 2 for the children's centre, or call your Jobcentre.",
            model));
    }

    private static WfiPage Defaulted(WfiPageModel model)
        => new(200, WfiPageHtml.Message(
            "Your interview is at the Jobcentre",
            $"We did not hear from you by {model.RespondByText}, so your interview is at {model.Jobcentre.Name} on {WfiPageHtml.When(model.JobcentreStartsAt)}. To change it, please call your Jobcentre.",
            model));
}
