using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Pilot.LocalRunner.Discovery;

/// <summary>
/// Calls a function method the way the worker does: a new instance of its class per invocation,
/// created from the invocation's DI scope (none for a static method), disposed afterwards.
/// </summary>
internal sealed class FunctionMethod(string name, MethodInfo method, ReturnValue returnValue)
{
    // ActivatorUtilities.CreateFactory is CreateInstance with the constructor lookup done once.
    private readonly ObjectFactory? _createInstance = method.IsStatic
        ? null
        : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);

    public string Name { get; } = name;

    public MethodInfo Method { get; } = method;

    /// <returns>The function's result after awaiting it; null for void, Task and ValueTask.</returns>
    public async ValueTask<object?> InvokeAsync(IServiceProvider services, object?[] arguments)
    {
        var instance = _createInstance?.Invoke(services, null);
        try
        {
            var returned = Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            return await returnValue.AwaitAsync(returned);
        }
        finally
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
