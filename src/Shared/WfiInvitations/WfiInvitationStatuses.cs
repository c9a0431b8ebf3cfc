namespace Pilot.Shared.WfiInvitations;

/// <summary>
/// An invitation moves requested → letter-ready (PDF rendered and stored) → posted (dispatched) →
/// chosen (the parent answered) or defaulted (no answer by respondBy: the Jobcentre is booked);
/// cancelled by the office at any point before a choice is final.
/// </summary>
public static class WfiInvitationStatuses
{
    public const string Requested = "requested";
    public const string LetterReady = "letter-ready";
    public const string Posted = "posted";
    public const string Chosen = "chosen";
    public const string Defaulted = "defaulted";
    public const string Cancelled = "cancelled";

    /// <summary>Still waiting for, or still able to change, the parent's answer.</summary>
    public static bool IsOpen(string status) => status is Requested or LetterReady or Posted or Chosen;
}

/// <summary>The two options a letter offers.</summary>
public static class WfiOptionKeys
{
    public const string Jobcentre = "jobcentre";
    public const string Centre = "centre";

    public static bool IsValid(string? option) => option is Jobcentre or Centre;
}

/// <summary>How a choice was made.</summary>
public static class WfiChoiceMethods
{
    public const string Text = "text";
    public const string Web = "web";
    public const string Phone = "phone";

    /// <summary>No answer by respondBy: the Jobcentre option was booked.</summary>
    public const string Default = "default";
}
