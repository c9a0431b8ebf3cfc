using Azure;

namespace Pilot.Shared.Storage;

/// <summary>
/// Storage trouble that passes: throttling (503 <c>ServerBusy</c>), a server-side timeout (500 <c>OperationTimedOut</c>),
/// a gateway error, or no answer at all once the SDK's own retries ran out. A caller should try again later, so an
/// HTTP request that meets it is answered 503 with <c>Retry-After</c>, never 500.
/// </summary>
public static class StorageUnavailable
{
    /// <summary>How long a caller is asked to wait: about a throttling episode, well inside a zone outage.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static bool Is(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 500 or 502 or 503 or 504 } => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(Is),
        _ => false,
    };
}
