using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pilot.LocalRunner.Http;

internal static class HttpFunctionRoutes
{
    /// <summary>
    /// Maps each function at its route for exactly its methods; endpoint routing then answers 405
    /// for another method on the same route and 404 for a route nobody declared.
    /// </summary>
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions)
    {
        var logger = endpoints.ServiceProvider.GetRequiredService<ILogger<HttpFunctionEndpoint>>();
        foreach (var function in functions)
        {
            RequestDelegate handle = new HttpFunctionEndpoint(function, logger).HandleAsync;
            var endpoint = function.Methods is null
                ? endpoints.Map(function.Route, handle)
                : endpoints.MapMethods(function.Route, function.Methods, handle);
            endpoint.WithDisplayName($"Function {function.Method.Name}");
        }
    }
}
