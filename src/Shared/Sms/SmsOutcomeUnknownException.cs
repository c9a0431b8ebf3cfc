namespace Pilot.Shared.Sms;

/// <summary>
/// The provider may or may not have accepted the message (the request went out and the answer was
/// lost) and it offers no idempotency key to make a resend safe (Twilio). The caller must not send
/// again before <see cref="SettleAfter"/>: by then a status callback or a check with the provider
/// (<see cref="ISmsGateway.FindAsync"/>) decides.
/// </summary>
public sealed class SmsOutcomeUnknownException : Exception
{
    public SmsOutcomeUnknownException()
    {
    }

    public SmsOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public SmsOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmsOutcomeUnknownException(string provider, TimeSpan settleAfter, Exception? innerException)
        : base($"{provider} may have accepted the message; settle it after {settleAfter}", innerException)
    {
        Provider = provider;
        SettleAfter = settleAfter;
    }

    public string Provider { get; } = "";

    public TimeSpan SettleAfter { get; } = TimeSpan.FromMinutes(5);
}
