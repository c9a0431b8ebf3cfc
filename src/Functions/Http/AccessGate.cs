using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Access;

namespace Pilot.Functions.Http;

/// <summary>
/// Admits the caller of an HTTP function by the roles its <see cref="AdmitsAttribute"/> declares: 401
/// problem+json for no key or one that is no one's, 403 naming the roles the endpoint needs for anyone else.
/// The function passes itself, so the declaration next to its trigger is the one enforced.
/// </summary>
public sealed class AccessGate(CallerCredentials credentials)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyCollection<Role>> Declared = new();

    public (Caller? Caller, IActionResult? Refusal) Admit(HttpRequest request, object function)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        var admitted = Declared.GetOrAdd(function.GetType(), AdmittedBy);
        var key = request.Headers[CallerCredentials.Header].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        var caller = credentials.Identify(key);
        return AccessDecision.Decide(admitted, caller) switch
        {
            AccessVerdict.Admitted => (caller, null),
            AccessVerdict.Unauthenticated => (null, ProblemResults.Problem(
                StatusCodes.Status401Unauthorized, "Unauthorized", $"send your key in the {CallerCredentials.Header} header")),
            _ => (null, ProblemResults.Problem(
                StatusCodes.Status403Forbidden, "Forbidden", $"this endpoint admits {AccessDecision.Describe(admitted)}; your key is {Caller.Name(caller!.Role)}'s")),
        };
    }

    /// <summary>The roles the class's HTTP function declares; a function without a declaration admits no one.</summary>
    public static IReadOnlyCollection<Role> AdmittedBy(Type functionClass)
    {
        ArgumentNullException.ThrowIfNull(functionClass);
        var declared = functionClass.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => m.GetCustomAttribute<AdmitsAttribute>())
            .ToList();
        return declared.Count == 1 && declared[0] is { } admits ? [.. admits.Roles] : [];
    }
}
