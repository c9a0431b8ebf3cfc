namespace Pilot.Shared.Letters.Notify;

/// <summary>
/// Notify answered with an error (its body: <c>{"status_code", "errors":[{"error","message"}]}</c>).
/// <see cref="IsTransient"/> for 429 and 5xx, which the <c>letters-notify</c> pipeline retries; a 400
/// (the letter or the request is wrong) or 403 (the key) is final.
/// </summary>
public sealed class NotifyApiException : Exception
{
    public NotifyApiException()
    {
    }

    public NotifyApiException(string message)
        : base(message)
    {
    }

    public NotifyApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotifyApiException(int statusCode, string error, string detail, TimeSpan? retryAfter)
        : base($"GOV.UK Notify answered {statusCode} {error}: {detail}")
    {
        StatusCode = statusCode;
        Error = error;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public string Error { get; } = "";

    public TimeSpan? RetryAfter { get; }

    public bool IsTransient => StatusCode is 429 or >= 500;
}
