namespace Pilot.Shared.WfiInvitations;

/// <summary>Settings under <c>Wfi:</c>.</summary>
public sealed class WfiOptions
{
    public const string Section = "Wfi";

    /// <summary>The queue of letter jobs (one message per invitation).</summary>
    public string LetterQueue { get; set; } = "wfi-letters";

    /// <summary>NCRONTAB of the timer that books the Jobcentre option once a reply date has passed.</summary>
    public string DefaultSchedule { get; set; } = "0 0 * * * *";

    /// <summary>HMAC-SHA256 key for the letters' choice links; at least 32 characters. Required.</summary>
    public string TokenSigningKey { get; set; } = "";

    /// <summary>Where parents open the choice link, without <c>/api</c> (e.g. https://pilot.example.org).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The number printed in the letter for text replies (the SMS number parents text 1 or 2 to).</summary>
    public string ReplyNumber { get; set; } = "07700 900000";

    public byte[] TokenKey() => System.Text.Encoding.UTF8.GetBytes(TokenSigningKey);
}
