namespace Pilot.LocalRunner.Tests.Support;

/// <summary>Polls storage (or anything) until a condition holds, failing after a bounded time.</summary>
public static class Eventually
{
    /// <param name="explain">What to add to the timeout's message (what the runner logged), so a failure on a busy machine can be told from a fault.</param>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, double seconds = 10, Func<string>? explain = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.{(explain is null ? "" : " " + explain())}");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string what, double seconds = 10, Func<string>? explain = null) =>
        GetAsync<object>(async () => await condition() ? true : null, what, seconds, explain);
}
