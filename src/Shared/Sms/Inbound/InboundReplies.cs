namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// Every answer to an inbound text, in one place so that they can move into the template data with
/// the reminder wordings. Plain English, GSM-7, one fragment each (a unit test holds them to it).
/// </summary>
public static class InboundReplies
{
    public const string OptedOut = "You will not get any more texts from Pilot. Text START to get them again.";

    public const string OptedIn = "You will get texts from Pilot again, such as appointment reminders. Text STOP to stop them.";

    public const string CannotReadRepliesGeneric =
        "This number cannot read replies. To talk to your adviser, call your children's centre. Text STOP to stop getting texts.";

    public static string CannotReadReplies(string? centrePhone) => string.IsNullOrWhiteSpace(centrePhone)
        ? CannotReadRepliesGeneric
        : $"This number cannot read replies. To talk to your adviser, call your children's centre on {centrePhone.Trim()}.";
}
