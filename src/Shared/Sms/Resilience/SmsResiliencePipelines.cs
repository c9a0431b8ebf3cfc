using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Pilot.Shared.Sms.Resilience;

/// <summary>
/// One pipeline per provider, outermost first:
/// total timeout → retry → circuit breaker → rate limiter → attempt timeout.
/// <list type="bullet">
/// <item>The total timeout bounds one message: queueing for a permit, attempts and backoffs.</item>
/// <item>Retry handles only <see cref="SmsProviderException"/> with <see cref="SmsProviderException.IsTransient"/>:
/// exponential backoff with jitter, or the provider's Retry-After when it sent one. A refused recipient is a
/// result, not an exception, so it is never retried; an unknown outcome (<see cref="SmsOutcomeUnknownException"/>)
/// is never retried either, as a resend could text the parent twice.</item>
/// <item>The circuit breaker sits inside retry so every attempt counts; it counts technical failures and unknown
/// outcomes, and while open the failover gateway moves on to the next provider at once.</item>
/// <item>The rate limiter sits inside the breaker so an open circuit spends no permits, and outside the attempt
/// timeout so waiting for a permit is not mistaken for a slow provider.</item>
/// </list>
/// </summary>
public static class SmsResiliencePipelines
{
    public const string Prefix = "sms-";

    public static string NameFor(string provider) => Prefix + provider;

    public static ResiliencePipeline Build(SmsResilienceSettings settings, TimeProvider time, Action<IDisposable> ownDisposable)
    {
        var builder = new ResiliencePipelineBuilder();
        Configure(builder, settings, time, ownDisposable);
        return builder.Build();
    }

    /// <param name="ownDisposable">Receives what the pipeline owns (the rate limiter's timer), to dispose with it.</param>
    public static void Configure(ResiliencePipelineBuilder builder, SmsResilienceSettings settings, TimeProvider time, Action<IDisposable> ownDisposable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(ownDisposable);
        builder.TimeProvider = time;
        var maxDelay = settings.MaxDelay ?? TimeSpan.FromSeconds(30);
        var limiter = new PacedRateLimiter(settings.MessagesPerSecond, time, settings.QueueLimit);
        ownDisposable(limiter);

        builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = settings.TotalTimeout })
            .AddRetry(new RetryStrategyOptions
            {
                Name = "retry",
                ShouldHandle = new PredicateBuilder().Handle<SmsProviderException>(e => e.IsTransient),
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay ?? TimeSpan.FromSeconds(1),
                MaxDelay = maxDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Exception, maxDelay)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                Name = "circuit-breaker",
                ShouldHandle = new PredicateBuilder()
                    .Handle<SmsProviderException>()
                    .Handle<SmsOutcomeUnknownException>()
                    .Handle<TimeoutRejectedException>(),
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration ?? TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakDuration ?? TimeSpan.FromSeconds(30),
            })
            .AddRateLimiter(limiter.Limiter)
            .AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = settings.AttemptTimeout });
    }

    /// <summary>The provider's Retry-After (capped), or null to fall back to exponential backoff with jitter.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, TimeSpan maxDelay) =>
        exception is SmsProviderException { RetryAfter: { } wait } ? (wait < maxDelay ? wait : maxDelay) : null;
}
