namespace Pilot.Shared.Sms.Twilio;

/// <summary>Settings under <c>Sms:Twilio</c>.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Sms:Twilio";
    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>The sender number or alphanumeric id; or leave empty and give <see cref="MessagingServiceSid"/>.</summary>
    public string From { get; set; } = "";

    public string MessagingServiceSid { get; set; } = "";

    /// <summary>Only changed to reach a simulator: scheme, host and port of every request are rewritten to it.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public double MessagesPerSecond { get; set; } = 1;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>From <c>Sms:PublicBaseUrl</c>: where Twilio posts status callbacks; none are asked for when empty.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The missing or invalid settings, by name; empty when Twilio can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AccountSid))
        {
            problems.Add("Sms:Twilio:AccountSid is required");
        }

        if (string.IsNullOrWhiteSpace(AuthToken))
        {
            problems.Add("Sms:Twilio:AuthToken is required");
        }

        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(MessagingServiceSid))
        {
            problems.Add("Sms:Twilio:From or Sms:Twilio:MessagingServiceSid is required");
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            problems.Add("Sms:Twilio:ApiBaseUrl must be an absolute URL");
        }

        if (!string.IsNullOrEmpty(PublicBaseUrl) && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            problems.Add("Sms:PublicBaseUrl must be an absolute URL");
        }

        if (MessagesPerSecond <= 0)
        {
            problems.Add("Sms:Twilio:MessagesPerSecond must be above 0");
        }

        if (TimeoutSeconds <= 0)
        {
            problems.Add("Sms:Twilio:TimeoutSeconds must be above 0");
        }

        return problems;
    }

    /// <summary>The StatusCallback for one message; the status endpoint finds the text by our message id.</summary>
    public Uri? StatusCallbackFor(string messageId) =>
        string.IsNullOrEmpty(PublicBaseUrl)
            ? null
            : new Uri($"{PublicBaseUrl.TrimEnd('/')}/api/sms/twilio/status?messageId={Uri.EscapeDataString(messageId)}");
}
