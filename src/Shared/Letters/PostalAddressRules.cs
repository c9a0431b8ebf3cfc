using Pilot.Shared.Validation;

namespace Pilot.Shared.Letters;

/// <summary>
/// Checks an address the way GOV.UK Notify does before a letter is accepted: 3 to 7 lines, the last
/// a real UK postcode, and not "no fixed abode". The letters work fills this in.
/// </summary>
public static class PostalAddressRules
{
    /// <param name="lines">Name first, postcode last.</param>
    /// <param name="field">The JSON path to name in errors, e.g. "address".</param>
    public static Outcome<PostalAddress> Validate(IReadOnlyList<string?>? lines, string field) =>
        throw new NotImplementedException($"{field}: {lines?.Count}");
}
