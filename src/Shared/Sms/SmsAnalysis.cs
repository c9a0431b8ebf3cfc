namespace Pilot.Shared.Sms;

/// <summary>
/// How a text will be sent and charged.
/// </summary>
/// <param name="NormalisedText">The text after <see cref="SmsText.Normalise"/>: what should actually be sent.</param>
/// <param name="Units">GSM-7 septets (extension-table characters count two) or UCS-2 (UTF-16) code units.</param>
/// <param name="Fragments">How many SMS the network will bill.</param>
public sealed record SmsAnalysis(string NormalisedText, SmsEncoding Encoding, int Units, int Fragments)
{
    /// <summary>Longer than GOV.UK Notify allows (<see cref="SmsText.MaxCharacters"/>, six GSM-7 fragments).</summary>
    public bool IsTooLong => Units > SmsText.MaxCharacters;
}
