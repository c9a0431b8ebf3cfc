using Pilot.Shared.Sms.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Pilot.Shared.Letters.Notify;

/// <summary>
/// The <c>letters-notify</c> pipeline, outermost first: total timeout → retry → attempt timeout, like the
/// SMS pipelines without their rate limiter and circuit breaker (letters are few and each one matters).
/// Retry handles only what cannot have posted a letter: Notify's 429 and 5xx (waiting its Retry-After
/// when it sends one) and a connection that never carried the request. A 400 or 403 is final, and a
/// timeout or dropped connection after the request went out is never retried here: Notify may have the
/// letter, so the dispatcher asks Notify by reference before it sends again.
/// </summary>
public static class NotifyResiliencePipeline
{
    public const string Name = "letters-notify";

    public const int MaxRetryAttempts = 3;

    /// <summary>The most one call through the pipeline can take, retries and backoffs included.</summary>
    public static TimeSpan TotalTimeout(NotifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeSpan.FromSeconds(options.TimeoutSeconds) * (MaxRetryAttempts + 1) + TimeSpan.FromSeconds(60);
    }

    public static void Configure(ResiliencePipelineBuilder builder, NotifyOptions options, TimeProvider time, TimeSpan? baseDelay = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        builder.TimeProvider = time;
        var attempt = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var maxDelay = TimeSpan.FromSeconds(30);
        builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = TotalTimeout(options) })
            .AddRetry(new RetryStrategyOptions
            {
                Name = "retry",
                ShouldHandle = new PredicateBuilder()
                    .Handle<NotifyApiException>(e => e.IsTransient)
                    .Handle<HttpRequestException>(TransportFailures.RequestNeverSent),
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromSeconds(1),
                MaxDelay = maxDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is NotifyApiException { RetryAfter: { } wait } ? (wait < maxDelay ? wait : maxDelay) : null),
            })
            .AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = attempt });
    }
}
