using Pilot.Shared.Parents.OwnPage;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// The link to a parent's own page, sent by their office: only while the parent is still there with a mobile and has
/// not texted STOP; outside quiet hours and within the number's hourly cap, like any text nobody is waiting for at once.
/// Its body (the signed link) was written when the office sent it.
/// </summary>
public sealed class ParentLinkRule : ITextRule
{
    public bool Covers(string kind) => kind == ParentLinks.TextKind;

    public bool KeepsQuietHours => true;

    public bool MayGoOverCap => false;

    public string NothingLeft => "nothing-to-say";

    public string? WhyNot(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return ParentReach.WhyNot(facts.Parent);
    }

    public string? WhyNotAfterQuietHours(SendFacts facts, DateTimeOffset quietEnd) => null;

    public string? Compose(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Text.Body;
    }
}
