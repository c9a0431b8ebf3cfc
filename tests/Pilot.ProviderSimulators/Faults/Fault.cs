namespace Pilot.ProviderSimulators.Faults;

public enum FaultKind
{
    ServerError,
    TooManyRequests,
    AcceptThenDrop,
    Delay,
}

/// <summary>A scripted answer to the next request in place of (or before) the normal one.</summary>
public sealed record Fault(FaultKind Kind, int StatusCode = 0, int RetryAfterSeconds = 0, TimeSpan DelayBy = default)
{
    /// <summary>Answers with this 5xx status and the provider's error body.</summary>
    public static Fault ServerError(int statusCode = 503) =>
        statusCode is >= 500 and <= 599
            ? new(FaultKind.ServerError, StatusCode: statusCode)
            : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A server error is a 5xx status.");

    /// <summary>Answers 429 with a Retry-After header.</summary>
    public static Fault TooManyRequests(int retryAfterSeconds = 1) =>
        new(FaultKind.TooManyRequests, StatusCode: 429, RetryAfterSeconds: retryAfterSeconds);

    /// <summary>Accepts the message (it is recorded and its callbacks fire) but aborts the connection instead of answering.</summary>
    public static Fault AcceptThenDrop() => new(FaultKind.AcceptThenDrop);

    /// <summary>Waits (on the simulator's clock) before answering normally.</summary>
    public static Fault Delay(TimeSpan delay) => new(FaultKind.Delay, DelayBy: delay);
}
