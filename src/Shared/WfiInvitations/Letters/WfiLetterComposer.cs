using Pilot.Shared.Letters;
using Pilot.Shared.Parents;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Shared.WfiInvitations.Letters;

/// <summary>Everything the letter says, from the invitation, the parent and the two venues.</summary>
public static class WfiLetterComposer
{
    public static Outcome<WfiLetter> Compose(
        WfiInvitationEntity invitation,
        ParentEntity parent,
        Venue office,
        Venue jobcentre,
        Venue centre,
        WfiOptions options,
        byte[] tokenKey,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(jobcentre);
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(options);
        var to = AddressOf(parent);
        if (!to.IsOk)
        {
            return Outcome<WfiLetter>.Invalid(to.Errors);
        }

        var from = new PostalAddress([office.Name, .. office.AddressLines, office.Postcode]);
        var token = ChoiceToken.Create(invitation.Reference, invitation.Id, RespondByDate.EndOf(invitation.RespondBy), tokenKey);
        var url = new Uri($"{options.PublicBaseUrl.TrimEnd('/')}/api/c/{token}");
        return Outcome<WfiLetter>.Ok(new WfiLetter(
            invitation.Reference,
            from,
            office.Phone,
            today,
            to.Value!,
            Option(jobcentre, invitation.JobcentreStartsAt),
            Option(centre, invitation.CentreStartsAt),
            options.ReplyNumber,
            url,
            DateOnly.ParseExact(invitation.RespondBy, RespondByDate.Format, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The parent's address as the envelope window shows it (full name first), by GOV.UK Notify's rules.</summary>
    public static Outcome<PostalAddress> AddressOf(ParentEntity parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var lines = new List<string?> { parent.FullName };
        lines.AddRange(System.Text.Json.JsonSerializer.Deserialize<List<string>>(parent.AddressLines) ?? []);
        lines.Add(parent.Postcode);
        return PostalAddressRules.Validate(lines, "address");
    }

    /// <summary>What the venue offers a parent: a crèche where the centre has one, a child-friendly room.</summary>
    public static IReadOnlyList<string> Offers(Venue venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var offers = new List<string>();
        if (venue.Facilities.Creche)
        {
            offers.Add("Crèche");
        }

        if (venue.Facilities.ChildFriendlyRoom)
        {
            offers.Add("Child-friendly room");
        }

        return offers;
    }

    private static WfiLetterOption Option(Venue venue, DateTimeOffset startsAt)
        => new(venue.Name, [.. venue.AddressLines, venue.Postcode], startsAt, venue.Kind == VenueKinds.Centre ? Offers(venue) : []);
}
