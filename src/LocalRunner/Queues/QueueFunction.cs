using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core.Serialization;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Pilot.LocalRunner.Configuration;
using Pilot.LocalRunner.Discovery;

namespace Pilot.LocalRunner.Queues;

/// <summary>A <c>[QueueTrigger]</c> function with its queue name and storage connection resolved.</summary>
/// <param name="DeclaredQueueName">The attribute's text, e.g. <c>%ReminderQueue%</c>.</param>
internal sealed partial record QueueFunction(
    FunctionMethod Method,
    string DeclaredQueueName,
    string QueueName,
    StorageConnection Connection,
    Func<QueueMessage, CancellationToken, object?[]> BindArguments)
{
    private const string SupportedParameters =
        "the trigger parameter as string, byte[], BinaryData, QueueMessage or a JSON-deserialised class; and CancellationToken";

    private const string SupportedReturns = "void, Task, ValueTask";

    // What the worker binds queue JSON with unless an app configures WorkerOptions.Serializer (Pilot does not): a
    // JsonObjectSerializer whose only option is case-insensitive names (not the Web defaults: no numbers from strings),
    // so a message the runner accepts in-process is one the worker accepts.
    private static readonly ObjectSerializer Json = new JsonObjectSerializer(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

    public string PoisonQueueName => QueueName + "-poison";

    /// <returns>The queue function, or null after adding its problems.</returns>
    public static QueueFunction? Create(
        DiscoveredFunction function,
        QueueTriggerAttribute trigger,
        AppSettingResolver settings,
        IConfiguration configuration,
        ICollection<string> problems)
    {
        var before = problems.Count;
        var binders = new List<Func<QueueMessage, CancellationToken, object?>>();
        foreach (var parameter in function.Method.GetParameters())
        {
            if (function.IsTrigger(parameter))
            {
                binders.Add(BindMessage(parameter.ParameterType));
            }
            else if (parameter.ParameterType == typeof(CancellationToken))
            {
                binders.Add((_, cancellation) => cancellation);
            }
            else
            {
                problems.Add(function.UnsupportedParameter(parameter, SupportedParameters));
            }
        }

        var queueName = settings.Resolve(trigger.QueueName, function.Name, "queue name", problems);
        if (queueName is not null && !ValidQueueName().IsMatch(queueName))
        {
            problems.Add(
                $"Function '{function.Name}': '{queueName}' is not a valid queue name " +
                "(3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        var connection = StorageConnection.Resolve(configuration, trigger.Connection, function.Name, problems);
        var returnValue = ReturnValue.For(function, _ => false, SupportedReturns, problems);
        if (problems.Count != before)
        {
            return null;
        }

        return new QueueFunction(
            new FunctionMethod(function.Name, function.Method, returnValue!),
            trigger.QueueName,
            queueName!,
            connection!,
            (message, cancellation) => binders.Select(bind => bind(message, cancellation)).ToArray());
    }

    private static Func<QueueMessage, CancellationToken, object?> BindMessage(Type type)
    {
        if (type == typeof(string))
        {
            return (message, _) => message.Body.ToString();
        }

        if (type == typeof(byte[]))
        {
            return (message, _) => message.Body.ToArray();
        }

        if (type == typeof(BinaryData))
        {
            return (message, _) => message.Body;
        }

        if (type == typeof(QueueMessage))
        {
            return (message, _) => message;
        }

        // A message that is not valid JSON for the type throws here, inside the invocation, so it
        // counts as a failed attempt and ends in the poison queue, as under the host.
        return (message, cancellationToken) => Json.Deserialize(message.Body.ToStream(), type, cancellationToken);
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidQueueName();
}
