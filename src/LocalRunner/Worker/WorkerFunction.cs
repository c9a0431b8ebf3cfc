using Pilot.LocalRunner.Worker.Protocol;

namespace Pilot.LocalRunner.Worker;

/// <summary>A function the worker loaded: the id invocations name and the binding its trigger data goes to.</summary>
internal sealed record WorkerFunction(string Id, string Name, string TriggerBinding, BindingInfo.Types.DataType TriggerDataType)
{
    /// <returns>The function, or null when its metadata declares no trigger.</returns>
    public static WorkerFunction? From(RpcFunctionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var (name, binding) in metadata.Bindings)
        {
            if (binding.Direction == BindingInfo.Types.Direction.In && binding.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                return new WorkerFunction(metadata.FunctionId, metadata.Name, name, binding.DataType);
            }
        }

        return null;
    }
}
