using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Storage;

namespace Pilot.Functions.Health;

public sealed class HealthFunction(StorageClients storage)
{
    /// <summary>
    /// How long storage has to answer. A probe wants an answer in seconds; the SDK's own retries against a
    /// port that refuses connections take longer, so the check stops waiting and answers 503 instead.
    /// </summary>
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Up when the process answers and storage answers in time; 503 naming storage otherwise.</summary>
    [Function("Health")]
    [PublicEndpoint("nothing: it says only whether the app and its storage answer")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return new OkObjectResult(new { status = "ok", storage = "ok" });
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything short of the caller going away means storage cannot be reached from here: refused
            // connections, a name that does not resolve, TLS, the SDK giving up after its retries, the timeout.
            var status = ex is Azure.RequestFailedException { Status: > 0 } failed ? $"error {failed.Status}" : "unreachable";
            return new ObjectResult(new { status = "unhealthy", storage = status }) { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }
    }
}
