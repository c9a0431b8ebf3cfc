using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Pilot.LocalRunner.Discovery;

/// <summary>Finds the <c>[Function]</c> methods in assemblies: the attributes are the only declaration.</summary>
internal static class FunctionScanner
{
    private const BindingFlags DeclaredMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<DiscoveredFunction> Scan(IEnumerable<Assembly> assemblies, ICollection<string> problems)
    {
        var found = new List<DiscoveredFunction>();
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            foreach (var method in type.GetMethods(DeclaredMethods))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function
                    && Discover(function.Name, method, problems) is { } discovered)
                {
                    found.Add(discovered);
                }
            }
        }

        foreach (var duplicate in found.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{duplicate.Key}' is used by more than one method: {string.Join(", ", duplicate.Select(f => f.MethodName))}.");
        }

        return found;
    }

    private static DiscoveredFunction? Discover(string name, MethodInfo method, ICollection<string> problems)
    {
        var where = $"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name})";
        var type = method.DeclaringType!;
        if (!method.IsPublic || !(type.IsPublic || type.IsNestedPublic))
        {
            problems.Add($"{where}: the method and its class must be public, as the Functions worker requires.");
            return null;
        }

        if (method.ContainsGenericParameters || (!method.IsStatic && type.IsAbstract))
        {
            problems.Add($"{where}: the method must be static or belong to a concrete, non-generic class.");
            return null;
        }

        var triggers = method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes<TriggerBindingAttribute>().Select(a => (Parameter: p, Attribute: a)))
            .ToList();
        if (triggers.Count != 1)
        {
            problems.Add($"{where}: expected exactly one trigger parameter, found {triggers.Count}.");
            return null;
        }

        return new DiscoveredFunction(name, method, triggers[0].Parameter, triggers[0].Attribute);
    }
}
