namespace Pilot.Shared.Sms.Resilience;

/// <summary>
/// A provider failed a send technically (it did not take the message, as far as we know). When
/// <see cref="IsTransient"/> (429, 5xx, a connection that never carried the request, or for ACS any
/// drop, which its repeatability id makes safe to repeat) the provider's pipeline retries it; otherwise
/// (bad credentials, a request the provider cannot parse) only failover to the next provider helps.
/// A recipient the provider refuses (not a mobile, opted out) is not an exception: it is a
/// <see cref="SmsDeliveryStatus.PermanentFailure"/> result.
/// </summary>
public sealed class SmsProviderException : Exception
{
    public SmsProviderException()
    {
    }

    public SmsProviderException(string message)
        : base(message)
    {
    }

    public SmsProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmsProviderException(string provider, string message, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base($"{provider}: {message}", innerException)
    {
        Provider = provider;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public string Provider { get; } = "";

    public bool IsTransient { get; }

    /// <summary>The provider's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
