using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Pilot.LocalRunner.Discovery;

/// <summary>A method marked <c>[Function]</c> and its one trigger parameter, before trigger-specific checks.</summary>
internal sealed record DiscoveredFunction(string Name, MethodInfo Method, ParameterInfo TriggerParameter, TriggerBindingAttribute Trigger)
{
    public string MethodName => $"{Method.DeclaringType?.FullName}.{Method.Name}";

    // By position: reflection may hand out different ParameterInfo objects for the same parameter
    // when several threads read a method for the first time, so reference equality is not reliable.
    public bool IsTrigger(ParameterInfo parameter) => parameter.Position == TriggerParameter.Position;

    /// <summary>The message for a parameter the runner cannot bind, naming the function and the parameter.</summary>
    public string UnsupportedParameter(ParameterInfo parameter, string supported) =>
        $"Function '{Name}' ({MethodName}): parameter '{parameter.Name}' of type {parameter.ParameterType.Name} is not supported by the local runner. Supported: {supported}.";
}
