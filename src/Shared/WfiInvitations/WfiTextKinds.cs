namespace Pilot.Shared.WfiInvitations;

/// <summary>The kinds of WFI notice in the Texts table, beside the reminder and alert kinds.</summary>
public static class WfiTextKinds
{
    /// <summary>The letter's companion text: a letter is on its way.</summary>
    public const string LetterComing = "wfi-letter-coming";

    /// <summary>The reply date passed unanswered and the Jobcentre option was booked.</summary>
    public const string Defaulted = "wfi-defaulted";
}
