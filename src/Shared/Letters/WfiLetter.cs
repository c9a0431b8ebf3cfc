namespace Pilot.Shared.Letters;

/// <summary>One of the two places a Work-Focused Interview can happen, as the letter shows it.</summary>
/// <param name="StartsAt">The proposed start; printed in Europe/London time.</param>
/// <param name="Offers">What the venue offers a parent, e.g. "Child-friendly room", "Crèche"; empty for a Jobcentre.</param>
public sealed record WfiLetterOption(
    string VenueName,
    IReadOnlyList<string> AddressLines,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Offers);

/// <summary>Everything a WFI location-choice letter says; the renderer only lays it out.</summary>
/// <param name="From">The Jobcentre office's name and address (top right).</param>
/// <param name="To">The parent's name and address, placed for a window envelope.</param>
/// <param name="ReplyNumber">The number a parent texts 1 or 2 to, as printed (e.g. "07700 900123").</param>
/// <param name="ChoiceUrl">The short link with its signed token.</param>
public sealed record WfiLetter(
    string Reference,
    PostalAddress From,
    string OfficePhone,
    DateOnly Date,
    PostalAddress To,
    WfiLetterOption Jobcentre,
    WfiLetterOption Centre,
    string ReplyNumber,
    Uri ChoiceUrl,
    DateOnly RespondBy);
