using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Storage;

namespace Pilot.Functions.Http;

/// <summary>
/// Storage throttling or an outage met by an HTTP function is not the function's failure: the caller is answered 503
/// problem+json with <c>Retry-After</c> (<see cref="ProblemResults.StorageUnavailable"/>), never the host's 500. Queue
/// and timer functions still fail, so the host retries their message or the next tick picks the work up.
/// </summary>
public sealed partial class StorageUnavailableMiddleware(ILogger<StorageUnavailableMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StorageUnavailable.Is(ex) && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            LogStorageUnavailable(ex, context.FunctionDefinition.Name, http.Request.Method);
            http.Response.Clear();

            // The ASP.NET Core integration writes an IActionResult returned as the invocation's result.
            context.GetInvocationResult().Value = ProblemResults.StorageUnavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "'{Function}' ({Method}) met storage busy or unreachable; answered 503 with Retry-After")]
    private partial void LogStorageUnavailable(Exception exception, string function, string method);
}
