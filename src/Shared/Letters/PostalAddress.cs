namespace Pilot.Shared.Letters;

/// <summary>
/// An address as it is printed in an envelope window: the first line names the addressee, the last
/// is the postcode (GOV.UK Notify takes 3 to 7 lines). Only <see cref="PostalAddressRules"/> makes one.
/// </summary>
public sealed record PostalAddress(IReadOnlyList<string> Lines)
{
    public string Postcode => Lines[^1];
}
