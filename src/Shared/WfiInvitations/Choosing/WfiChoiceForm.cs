namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>What a parent's choice form said, read only once the link has been found genuine and open.</summary>
/// <param name="Choice">The <c>choice</c> field, or null when the form has none.</param>
/// <param name="TooLarge">The body was larger than any form this page sends: it was not read to the end.</param>
public sealed record WfiChoiceForm(string? Choice, bool TooLarge = false)
{
    public static WfiChoiceForm Oversized { get; } = new(null, TooLarge: true);
}
