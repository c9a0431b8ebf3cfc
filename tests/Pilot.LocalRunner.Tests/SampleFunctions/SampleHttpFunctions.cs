using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Tests.SampleFunctions;

public static class SampleHttpFunctions
{
    [Function("SampleItem")]
    public static IActionResult GetItem([HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{id}")] HttpRequest request, Guid id) =>
        new OkObjectResult(new SampleItem(id, "Sample item"));

    [Function("SampleOrderNumber")]
    public static Task<IResult> GetOrderAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "orders/{number:int}")] HttpRequest request, int number) =>
        Task.FromResult(Results.Ok(new { number, method = request.Method }));

    [Function("SampleBroken")]
    public static IActionResult Broken([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "broken")] HttpRequest request) =>
        throw new InvalidOperationException("secret detail that must not reach the caller");
}
