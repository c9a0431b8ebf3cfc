using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// A day's vacancy digest: the same consent as an alert, and at the moment of sending it lists the day's vacancies
/// still open (the sender closes the digest as it sends, so a vacancy found later goes in the next one).
/// </summary>
public sealed class DigestRule : ITextRule
{
    public bool Covers(string kind) => kind == AlertTextKinds.Digest;

    public bool KeepsQuietHours => true;

    public bool MayGoOverCap => false;

    public string NothingLeft => "vacancy-expired";

    public string? WhyNot(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return AlertRule.WhyNotTo(facts.Parent);
    }

    public string? WhyNotAfterQuietHours(SendFacts facts, DateTimeOffset quietEnd) => null;

    public string? Compose(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var open = AlertRule.OpenAt(facts);
        return open.Count == 0 ? null : AlertText.Digest(open, facts.Parent!.PreferredLanguage);
    }
}
