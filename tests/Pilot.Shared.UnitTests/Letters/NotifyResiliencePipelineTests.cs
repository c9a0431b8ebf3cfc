using Microsoft.Extensions.Time.Testing;
using Pilot.Shared.Letters.Notify;
using Polly;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace Pilot.Shared.UnitTests.Letters;

public sealed class NotifyResiliencePipelineTests
{
    private readonly FakeTimeProvider _time = new();

    private ResiliencePipeline Build()
    {
        var builder = new ResiliencePipelineBuilder();
        NotifyResiliencePipeline.Configure(builder, new NotifyOptions { TimeoutSeconds = 30 }, _time, baseDelay: TimeSpan.Zero);
        return builder.Build();
    }

    [Fact]
    public void Pipeline_is_total_timeout_then_retry_then_attempt_timeout()
    {
        var descriptor = Build().GetPipelineDescriptor();

        Assert.Collection(
            descriptor.Strategies,
            s => Assert.Equal(TimeSpan.FromSeconds(30 * 4 + 60), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout),
            s => Assert.Equal(NotifyResiliencePipeline.MaxRetryAttempts, Assert.IsType<RetryStrategyOptions>(s.Options).MaxRetryAttempts),
            s => Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Rate_limit_and_server_errors_are_retried(int status)
    {
        var attempts = 0;

        var result = await Build().ExecuteAsync(_ =>
        {
            attempts++;
            return attempts == 1 ? throw new NotifyApiException(status, "Error", "try later", null) : ValueTask.FromResult("id");
        });

        Assert.Equal("id", result);
        Assert.Equal(2, attempts);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    public async Task Refusals_are_not_retried(int status)
    {
        var attempts = 0;

        await Assert.ThrowsAsync<NotifyApiException>(async () => await Build().ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw new NotifyApiException(status, "ValidationError", "no", null);
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_dropped_connection_after_sending_is_not_retried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<HttpRequestException>(async () => await Build().ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        var attempts = 0;

        var result = await Build().ExecuteAsync(_ =>
        {
            attempts++;
            return attempts == 1
                ? throw new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))
                : ValueTask.FromResult("id");
        });

        Assert.Equal(2, attempts);
        Assert.Equal("id", result);
    }
}
