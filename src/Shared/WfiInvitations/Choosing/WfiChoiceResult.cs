namespace Pilot.Shared.WfiInvitations.Choosing;

public enum WfiChoiceResultKind
{
    /// <summary>The option is now booked (first choice, or a change of mind).</summary>
    Booked,

    /// <summary>That option was already chosen: nothing changed (choosing twice is harmless).</summary>
    Unchanged,

    /// <summary>The invitation no longer takes answers: past respondBy, defaulted or cancelled.</summary>
    Closed,

    /// <summary>The web link was already used for a choice: each link takes one (the page after a choice gives the next).</summary>
    LinkUsed,

    /// <summary>The booking could not be made (the interview time has passed, or the invitation kept changing).</summary>
    Failed,
}

public sealed record WfiChoiceResult(WfiChoiceResultKind Kind, WfiInvitationEntity Invitation, string Detail);
