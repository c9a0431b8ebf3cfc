using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Storage;

namespace Pilot.Functions.Health;

public sealed class HealthFunction(StorageClients storage)
{
    /// <summary>Up when the process answers and storage answers; 503 naming storage otherwise.</summary>
    [Function("Health")]
    [PublicEndpoint("nothing: it says only whether the app and its storage answer")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return new OkObjectResult(new { status = "ok", storage = "ok" });
        }
        catch (RequestFailedException ex)
        {
            return new ObjectResult(new { status = "unhealthy", storage = ex.Status == 0 ? "unreachable" : $"error {ex.Status}" }) { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }
    }
}
