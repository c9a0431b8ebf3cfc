using System.Reflection;
using System.Runtime.CompilerServices;

namespace Pilot.LocalRunner.Discovery;

/// <summary>Turns what a function method returns (void, Task, ValueTask, a result, or a task of one) into one awaitable shape.</summary>
internal sealed class ReturnValue(Func<object?, ValueTask<object?>> awaitAsync)
{
    public ValueTask<object?> AwaitAsync(object? returned) => awaitAsync(returned);

    /// <param name="isResult">Which result types the trigger accepts (HTTP: IActionResult, IResult; others: none).</param>
    /// <returns>The adapter, or null after adding a problem when the return type is not supported.</returns>
    public static ReturnValue? For(DiscoveredFunction function, Func<Type, bool> isResult, string supported, ICollection<string> problems)
    {
        var method = function.Method;
        var type = method.ReturnType;
        if (type == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null)
        {
            problems.Add($"Function '{function.Name}' ({function.MethodName}): async void cannot be awaited; return Task instead.");
            return null;
        }

        var adapter = Adapt(type, isResult);
        if (adapter is null)
        {
            problems.Add($"Function '{function.Name}' ({function.MethodName}): return type {type.Name} is not supported by the local runner. Supported: {supported}.");
            return null;
        }

        return new ReturnValue(adapter);
    }

    private static Func<object?, ValueTask<object?>>? Adapt(Type type, Func<Type, bool> isResult)
    {
        if (type == typeof(void))
        {
            return _ => ValueTask.FromResult<object?>(null);
        }

        if (type == typeof(Task))
        {
            return async returned =>
            {
                await (Task)returned!;
                return null;
            };
        }

        if (type == typeof(ValueTask))
        {
            return async returned =>
            {
                await (ValueTask)returned!;
                return null;
            };
        }

        if (type.IsGenericType && isResult(type.GetGenericArguments()[0]))
        {
            var definition = type.GetGenericTypeDefinition();
            var awaiter = definition == typeof(Task<>) ? nameof(AwaitTask)
                : definition == typeof(ValueTask<>) ? nameof(AwaitValueTask)
                : null;
            if (awaiter is not null)
            {
                return typeof(ReturnValue).GetMethod(awaiter, BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type.GetGenericArguments()[0])
                    .CreateDelegate<Func<object?, ValueTask<object?>>>();
            }
        }

        return isResult(type) ? ValueTask.FromResult : null;
    }

    private static async ValueTask<object?> AwaitTask<T>(object? returned) => await (Task<T>)returned!;

    private static async ValueTask<object?> AwaitValueTask<T>(object? returned) => await (ValueTask<T>)returned!;
}
