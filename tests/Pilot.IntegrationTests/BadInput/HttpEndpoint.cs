using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;

namespace Pilot.IntegrationTests.BadInput;

/// <summary>One HTTP function of the app, as its attributes declare it.</summary>
public sealed record HttpEndpoint(string Name, IReadOnlyList<string> Methods, string Route, AuthorizationLevel Level, IReadOnlyList<Role> Admits, string? PublicBecause)
{
    /// <summary>Every <c>[Function]</c> with an <c>[HttpTrigger]</c> in the Functions assembly: new ones are found without a list to update.</summary>
    public static IReadOnlyList<HttpEndpoint> All { get; } = Discover();

    private static List<HttpEndpoint> Discover() =>
        typeof(Pilot.Functions.Http.JsonBody).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            .Select(x => new HttpEndpoint(
                x.Function!.Name,
                (x.Trigger!.Methods ?? []).Select(v => v.ToUpperInvariant()).ToArray(),
                x.Trigger.Route ?? x.Function.Name,
                x.Trigger.AuthLevel,
                x.Method.GetCustomAttribute<AdmitsAttribute>()?.Roles ?? [],
                x.Method.GetCustomAttribute<PublicEndpointAttribute>()?.AuthenticatedBy))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
}
