namespace Pilot.Shared.Sms.Twilio;

/// <summary>
/// What the Twilio SDK cannot carry between our gateway and our HTTP handler: the attempt's
/// cancellation (the SDK's async calls take no token) one way, and the response's status and
/// Retry-After (its ApiException drops headers) the other. Set per attempt through an AsyncLocal,
/// which flows into the SDK's call and so into the handler.
/// </summary>
public sealed class TwilioCallScope
{
    private static readonly AsyncLocal<TwilioCallScope?> CurrentScope = new();

    private TwilioCallScope(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    public static TwilioCallScope? Current => CurrentScope.Value;

    public CancellationToken CancellationToken { get; }

    /// <summary>The HTTP status of the last response, 0 when none came back.</summary>
    public int Status { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Starts a scope for the calling async flow; dispose to end it.</summary>
    public static Scope Begin(CancellationToken cancellationToken)
    {
        var scope = new TwilioCallScope(cancellationToken);
        var previous = CurrentScope.Value;
        CurrentScope.Value = scope;
        return new Scope(scope, previous);
    }

    public readonly struct Scope(TwilioCallScope call, TwilioCallScope? previous) : IDisposable
    {
        public TwilioCallScope Call { get; } = call;

        public void Dispose() => CurrentScope.Value = previous;
    }
}
