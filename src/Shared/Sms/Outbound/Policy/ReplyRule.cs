using Pilot.Shared.Sms.Inbound;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// An answer to a parent's own text ("which letter?", a WFI choice booked, how to reach the adviser) and the
/// confirmation of STOP, START, JOBS OFF or JOBS ON: the parent is waiting for it, so it goes at once, in quiet hours
/// too, and takes a slot in the number's hour even over the cap. No consent check: a STOP's confirmation is the last
/// text and networks require it. Its body was written with the answer.
/// </summary>
public sealed class ReplyRule : ITextRule
{
    public bool Covers(string kind) => kind is ReplyTextKinds.Answer or ReplyTextKinds.ConsentConfirmation;

    public bool KeepsQuietHours => false;

    public bool MayGoOverCap => true;

    public string NothingLeft => "nothing-to-say";

    public string? WhyNot(SendFacts facts) => null;

    public string? WhyNotAfterQuietHours(SendFacts facts, DateTimeOffset quietEnd) => null;

    public string? Compose(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Text.Body;
    }
}
