using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Pilot.LocalRunner.Discovery;

namespace Pilot.LocalRunner.Http;

/// <summary>An <c>[HttpTrigger]</c> function with its full route (prefix included) and methods.</summary>
/// <param name="Methods">Upper-case HTTP methods, or null for any method (the attribute named none).</param>
internal sealed record HttpFunction(
    FunctionMethod Method,
    string Route,
    IReadOnlyList<string>? Methods,
    AuthorizationLevel AuthLevel,
    Func<HttpContext, object?[]> BindArguments)
{
    private const string SupportedParameters =
        "the HttpRequest trigger parameter, CancellationToken, and parameters named after route parameters";

    private const string SupportedReturns =
        "void, Task, ValueTask, IActionResult, IResult, or Task/ValueTask of IActionResult or IResult";

    /// <returns>The HTTP function, or null after adding its problems.</returns>
    public static HttpFunction? Create(DiscoveredFunction function, HttpTriggerAttribute trigger, string routePrefix, ICollection<string> problems)
    {
        var before = problems.Count;
        var route = "/" + string.Join('/', new[] { routePrefix, trigger.Route ?? function.Name }
            .Select(part => part.Trim('/'))
            .Where(part => part.Length > 0));

        var routeParameters = new Dictionary<string, RoutePatternParameterPart>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var part in RoutePatternFactory.Parse(route).Parameters)
            {
                routeParameters[part.Name] = part;
            }
        }
        catch (RoutePatternException ex)
        {
            problems.Add($"Function '{function.Name}': the route '{route}' is not a valid route template: {ex.Message}");
        }

        var binders = new List<Func<HttpContext, object?>>();
        foreach (var parameter in function.Method.GetParameters())
        {
            if (function.IsTrigger(parameter) && parameter.ParameterType == typeof(HttpRequest))
            {
                binders.Add(context => context.Request);
            }
            else if (parameter.ParameterType == typeof(CancellationToken))
            {
                binders.Add(context => context.RequestAborted);
            }
            else if (!function.IsTrigger(parameter)
                && routeParameters.TryGetValue(parameter.Name ?? "", out var part)
                && TypeDescriptor.GetConverter(parameter.ParameterType) is { } converter
                && converter.CanConvertFrom(typeof(string)))
            {
                binders.Add(BindRouteValue(parameter, part.Name, converter));
            }
            else
            {
                problems.Add(function.UnsupportedParameter(parameter, SupportedParameters));
            }
        }

        var returnValue = ReturnValue.For(function, IsHttpResult, SupportedReturns, problems);
        if (problems.Count != before)
        {
            return null;
        }

        return new HttpFunction(
            new FunctionMethod(function.Name, function.Method, returnValue!),
            route,
            trigger.Methods is { Length: > 0 } methods ? methods.Select(m => m.ToUpperInvariant()).Distinct().ToList() : null,
            trigger.AuthLevel,
            context => binders.Select(bind => bind(context)).ToArray());
    }

    private static bool IsHttpResult(Type type) =>
        typeof(IActionResult).IsAssignableFrom(type) || typeof(IResult).IsAssignableFrom(type);

    private static Func<HttpContext, object?> BindRouteValue(ParameterInfo parameter, string routeName, TypeConverter converter)
    {
        var type = parameter.ParameterType;
        var missing = parameter.HasDefaultValue ? parameter.DefaultValue
            : type.IsValueType ? Activator.CreateInstance(type)
            : null;
        return context =>
        {
            var raw = context.Request.RouteValues[routeName]?.ToString();
            if (raw is null)
            {
                return missing;
            }

            try
            {
                return converter.ConvertFromInvariantString(raw);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
            {
                throw new RouteValueException(parameter.Name!, raw, Nullable.GetUnderlyingType(type) ?? type, ex);
            }
        };
    }
}
