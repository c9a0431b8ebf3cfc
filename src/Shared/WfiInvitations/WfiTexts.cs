using Pilot.Shared.Parents;
using Pilot.Shared.Sms.Templates;
using Pilot.Shared.Time;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations;

/// <summary>The wording of the WFI texts, from the template data in the parent's language.</summary>
public static class WfiTexts
{
    public static string LetterComing(ParentEntity parent, WfiInvitationEntity invitation, Venue centre)
        => Render(TemplateKeys.WfiLetterComing, parent, invitation, venue: null, startsAt: null, phone: null, centre.Name);

    public static string Booked(ParentEntity parent, WfiInvitationEntity invitation, Venue venue, DateTimeOffset startsAt)
        => Render(TemplateKeys.WfiChoiceBooked, parent, invitation, venue, startsAt, venue.Phone, centre: null);

    public static string Defaulted(ParentEntity parent, WfiInvitationEntity invitation, Venue jobcentre)
        => Render(TemplateKeys.WfiDefaulted, parent, invitation, jobcentre, invitation.JobcentreStartsAt, jobcentre.Phone, centre: null);

    public static string WhichLetter(ParentEntity parent, WfiInvitationEntity example)
        => Render(TemplateKeys.WfiWhichLetter, parent, example, venue: null, startsAt: null, phone: null, centre: null);

    public static string Closed(ParentEntity parent, WfiInvitationEntity invitation, string phone)
        => Render(TemplateKeys.WfiChoiceClosed, parent, invitation, venue: null, startsAt: null, phone, centre: null);

    private static string Render(string key, ParentEntity parent, WfiInvitationEntity invitation, Venue? venue, DateTimeOffset? startsAt, string? phone, string? centre)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(invitation);
        var set = TextTemplates.For(parent.PreferredLanguage);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateKeys.FirstName] = parent.FirstName,
            [TemplateKeys.Reference] = invitation.Reference,
            [TemplateKeys.Venue] = venue?.Name ?? "",
            [TemplateKeys.Phone] = phone ?? "",
            [TemplateKeys.Centre] = centre ?? "",
            [TemplateKeys.When] = startsAt is { } at ? DayAndTime(set, at) : "",
        };
        return TextTemplates.Render(key, parent.PreferredLanguage, values).Text;
    }

    private static string DayAndTime(TemplateSet set, DateTimeOffset instant)
    {
        var local = LondonTime.ToLocal(instant);
        var day = local.ToString(set.Word(TemplateWords.DateFormat), set.Culture).Replace(".", string.Empty, StringComparison.Ordinal);
        var time = local.ToString(set.Word(TemplateWords.TimeFormat), set.Culture);
        return set.Word(TemplateWords.DayAndTime, new Dictionary<string, string>(StringComparer.Ordinal) { ["day"] = day, ["time"] = time });
    }
}
