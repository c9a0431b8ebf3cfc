using Microsoft.Extensions.Time.Testing;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace Pilot.Shared.UnitTests.Sms.Gateways;

public sealed class SmsResiliencePipelineTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    [Fact]
    public void Pipeline_is_total_timeout_retry_breaker_rate_limiter_attempt_timeout()
    {
        var descriptor = Pipeline(Settings()).GetPipelineDescriptor();

        Assert.Collection(
            descriptor.Strategies,
            s => Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout),
            s => Assert.Equal(3, Assert.IsType<RetryStrategyOptions>(s.Options).MaxRetryAttempts),
            s => Assert.IsType<CircuitBreakerStrategyOptions>(s.Options),
            s => Assert.IsType<RateLimiterStrategyOptions>(s.Options),
            s => Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout));
        var retry = (RetryStrategyOptions)descriptor.Strategies[1].Options!;
        Assert.True(retry.UseJitter);
        Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
    }

    [Fact]
    public async Task Retry_waits_for_the_providers_retry_after_then_succeeds()
    {
        var pipeline = Pipeline(Settings());
        var attempts = new List<DateTimeOffset>();
        var run = pipeline.ExecuteAsync(_ =>
        {
            attempts.Add(_time.GetUtcNow());
            return attempts.Count == 1
                ? throw new SmsProviderException("twilio", "HTTP 429", isTransient: true, TimeSpan.FromSeconds(7))
                : ValueTask.FromResult("sent");
        }).AsTask();

        await AdvanceUntil(run, TimeSpan.FromSeconds(1));

        Assert.Equal("sent", await run);
        Assert.Equal([Start, Start.AddSeconds(7)], attempts);
    }

    [Fact]
    public async Task Retry_without_retry_after_backs_off_exponentially_with_jitter()
    {
        var pipeline = Pipeline(Settings());
        var attempts = new List<DateTimeOffset>();
        var run = pipeline.ExecuteAsync(_ =>
        {
            attempts.Add(_time.GetUtcNow());
            throw new SmsProviderException("acs", "HTTP 503", isTransient: true);
        }).AsTask();

        await AdvanceUntil(run, TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAsync<SmsProviderException>(() => run);
        Assert.Equal(4, attempts.Count);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        // Decorrelated jitter around 1 s, 2 s, 4 s: every wait is real and none passes the 30 s cap.
        Assert.All(gaps, gap => Assert.InRange(gap, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_refused_recipient_or_a_non_transient_failure_is_never_retried()
    {
        var pipeline = Pipeline(Settings());
        var calls = 0;
        var refused = pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(SmsDeliveryStatus.PermanentFailure);
        }).AsTask();
        await AdvanceUntil(refused, TimeSpan.FromMilliseconds(100));
        Assert.Equal(SmsDeliveryStatus.PermanentFailure, await refused);
        Assert.Equal(1, calls);

        calls = 0;
        var rejected = pipeline.ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new SmsProviderException("twilio", "HTTP 401", isTransient: false);
        }).AsTask();
        await AdvanceUntil(rejected, TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAsync<SmsProviderException>(() => rejected);
        Assert.Equal(1, calls);

        calls = 0;
        var unknown = pipeline.ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new SmsOutcomeUnknownException("twilio", TimeSpan.FromMinutes(2), null);
        }).AsTask();
        await AdvanceUntil(unknown, TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAsync<SmsOutcomeUnknownException>(() => unknown);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_stops_calling_the_provider()
    {
        // One retry each: two messages make the four failed attempts the breaker needs to open.
        var pipeline = Pipeline(Settings() with { MaxRetryAttempts = 1, MinimumThroughput = 4, FailureRatio = 0.5 });
        var calls = 0;
        for (var i = 0; i < 2; i++)
        {
            var run = pipeline.ExecuteAsync<int>(_ =>
            {
                calls++;
                throw new SmsProviderException("twilio", "HTTP 503", isTransient: true);
            }).AsTask();
            await AdvanceUntil(run, TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<SmsProviderException>(() => run);
        }

        var broken = pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(1);
        }).AsTask();
        await AdvanceUntil(broken, TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<BrokenCircuitException>(() => broken);
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task Rate_limiter_above_a_thousand_a_second_refills_every_millisecond_with_several_permits()
    {
        using var paced = new PacedRateLimiter(5_000, _time);
        var permits = Enumerable.Range(0, 20).Select(_ => paced.Limiter.AcquireAsync(1).AsTask()).ToList();
        await Task.Yield();
        var before = permits.Count(p => p.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(permits.Where(p => p.IsCompleted));
        var afterOne = permits.Count(p => p.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(3));

        Assert.Equal(TimeSpan.FromMilliseconds(1), paced.Period);
        Assert.Equal(5, before);
        Assert.Equal(10, afterOne);
        Assert.All(permits, p => Assert.True(p.IsCompletedSuccessfully && p.Result.IsAcquired));
    }

    [Fact]
    public async Task Rate_limiter_never_lets_more_than_the_rate_through_in_any_second_and_queues_the_rest()
    {
        using var paced = new PacedRateLimiter(3, _time);
        var permits = Enumerable.Range(0, 12).Select(_ => paced.Limiter.AcquireAsync(1).AsTask()).ToList();
        var grantedAt = new Dictionary<int, DateTimeOffset>();
        for (var step = 0; step <= 50 && grantedAt.Count < permits.Count; step++)
        {
            for (var i = 0; i < permits.Count; i++)
            {
                if (permits[i].IsCompleted && !grantedAt.ContainsKey(i))
                {
                    Assert.True((await permits[i]).IsAcquired, "queued, not refused");
                    grantedAt[i] = _time.GetUtcNow();
                }
            }

            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(12, grantedAt.Count);
        var times = grantedAt.Values.Order().ToList();
        foreach (var from in times)
        {
            Assert.True(times.Count(t => t >= from && t < from.AddSeconds(1)) <= 3, $"more than 3 in the second from {from:O}");
        }
    }

    [Fact]
    public async Task Pipeline_passes_every_send_through_the_rate_limiter()
    {
        var pipeline = Pipeline(Settings() with { MessagesPerSecond = 1 });
        var passed = new List<DateTimeOffset>();
        var runs = Enumerable.Range(0, 3).Select(_ => pipeline.ExecuteAsync(_ =>
        {
            lock (passed)
            {
                passed.Add(_time.GetUtcNow());
            }

            return ValueTask.FromResult(1);
        }).AsTask()).ToList();

        await AdvanceUntil(Task.WhenAll(runs), TimeSpan.FromMilliseconds(250));

        Assert.All(runs, run => Assert.True(run.IsCompletedSuccessfully, run.Exception?.ToString()));
        Assert.Equal(3, passed.Count);
        Assert.True(passed.Max() - passed.Min() >= TimeSpan.FromSeconds(2), "three sends at one a second span two seconds");
    }

    private static SmsResilienceSettings Settings() => SmsResilienceSettings.For(messagesPerSecond: 100, timeoutSeconds: 10);

    private ResiliencePipeline Pipeline(SmsResilienceSettings settings) => SmsResiliencePipelines.Build(settings, _time, _owned.Add);

    /// <summary>Moves the fake clock on in steps until the work is done; nothing really sleeps through a backoff.</summary>
    private async Task AdvanceUntil(Task work, TimeSpan step)
    {
        for (var i = 0; i < 2000 && !work.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!work.IsCompleted)
            {
                _time.Advance(step);
            }
        }

        Assert.True(work.IsCompleted, "the work finished within the fake time allowed");
    }
}
