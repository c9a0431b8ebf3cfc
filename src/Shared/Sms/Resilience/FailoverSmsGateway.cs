using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Pilot.Shared.Sms.Resilience;

/// <summary>
/// Tries the providers of <c>Sms:Providers</c> in order. A provider whose circuit is open, or that failed
/// the message technically after its own retries, hands it to the next. A refused recipient (a
/// permanent-failure result) is final: another provider would refuse it too. An unknown outcome
/// (<see cref="SmsOutcomeUnknownException"/>) is never failed over: the first provider may have sent it.
/// A repeat (<see cref="SmsMessage.IsRepeat"/>) goes only to the providers that de-duplicate repeats, when any is
/// configured: an earlier attempt may have reached one of them unseen (they cannot be asked), and only that provider
/// would not send it twice. When they all fail it, the repeat fails technically and is tried again later, never
/// handed to a provider that would send a second copy (a fault run found one sent by both that way).
/// </summary>
public sealed class FailoverSmsGateway(IReadOnlyList<ISmsGateway> providers, ILogger<FailoverSmsGateway> logger) : ISmsGateway
{
    public string Name { get; } = string.Join(',', providers.Select(p => p.Name));

    public IReadOnlyList<ISmsGateway> Providers => providers;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Exception? last = null;
        var order = message.IsRepeat && providers.Any(p => p.DeduplicatesRepeats) ? [.. providers.Where(p => p.DeduplicatesRepeats)] : providers;
        foreach (var provider in order)
        {
            try
            {
                return await provider.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (IsTechnicalFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                last = ex;
                logger.LogWarning("SMS provider {Provider} failed {MessageId} ({Reason}); trying the next provider", provider.Name, message.MessageId, ex.GetType().Name);
            }
        }

        throw new SmsProviderException("failover", $"every provider ({Name}) failed message {message.MessageId}", isTransient: false, innerException: last);
    }

    /// <summary>Asks each provider in turn; the first that knows the message answers.</summary>
    public async Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        foreach (var provider in providers)
        {
            if (await provider.FindAsync(messageId, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsTechnicalFailure(Exception ex) =>
        ex is SmsProviderException or BrokenCircuitException or TimeoutRejectedException or RateLimiterRejectedException;
}
