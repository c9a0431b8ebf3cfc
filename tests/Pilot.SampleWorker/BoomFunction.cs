using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.SampleWorker;

/// <summary>
/// <c>GET /api/boom/{n}</c>: 0 answers 200 with n, a negative number kills the worker process mid-request, any other
/// number throws, and a value that is not a number fails to bind.
/// </summary>
public static class BoomFunction
{
    [Function("Boom")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom/{n}")] HttpRequest request, int n) =>
        n switch
        {
            0 => new OkObjectResult(new { n }),
            < 0 => Die(),
            _ => throw new InvalidOperationException($"boom {n}"),
        };

    private static EmptyResult Die()
    {
        Environment.FailFast("boom: the worker process dies mid-request");
        return new EmptyResult();
    }
}
