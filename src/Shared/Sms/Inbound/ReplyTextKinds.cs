namespace Pilot.Shared.Sms.Inbound;

/// <summary>The kinds of text in the Texts table that answer a parent's own text.</summary>
public static class ReplyTextKinds
{
    /// <summary>An answer: "which letter?", a WFI choice booked or closed, how to reach the adviser.</summary>
    public const string Answer = "reply";

    /// <summary>The confirmation of STOP, START, JOBS OFF or JOBS ON.</summary>
    public const string ConsentConfirmation = "consent-confirmation";
}
