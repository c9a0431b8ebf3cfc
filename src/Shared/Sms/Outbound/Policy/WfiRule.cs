using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// A WFI notice (the letter is coming, the interview was booked by default): written when the invitation moved, sent
/// only while the parent is still there with a mobile and has not texted STOP, and, for the letter's companion text,
/// while the invitation is still open.
/// </summary>
public sealed class WfiRule : ITextRule
{
    public bool Covers(string kind) => kind is WfiTextKinds.LetterComing or WfiTextKinds.Defaulted;

    public bool KeepsQuietHours => true;

    public bool MayGoOverCap => false;

    public string NothingLeft => "nothing-to-say";

    public string? WhyNot(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return ParentReach.WhyNot(facts.Parent) ?? facts.Invitation switch
        {
            null => "invitation-missing",
            { } invitation when facts.Text.Kind == WfiTextKinds.LetterComing && !WfiInvitationStatuses.IsOpen(invitation.Status) => "invitation-closed",
            _ => null,
        };
    }

    public string? WhyNotAfterQuietHours(SendFacts facts, DateTimeOffset quietEnd) => null;

    public string? Compose(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Text.Body;
    }
}
