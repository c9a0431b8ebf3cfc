using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Azure.Functions.Worker;
using Pilot.LocalRunner.Worker.Protocol;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// Asks the worker to run a function as the host does: an InvocationRequest with the trigger's data, its metadata and
/// a trace context (the worker refuses an invocation without one); when the caller gives up (the runner stopping, the
/// client gone) an InvocationCancel, then the worker's answer is awaited for a grace period.
/// </summary>
internal sealed class WorkerInvoker(WorkerSupervisor supervisor)
{
    /// <summary>How long a cancelled invocation has to end before the runner stops waiting for it.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);

    public WorkerSupervisor Supervisor => supervisor;

    public Task InvokeQueueAsync(string function, QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var metadata = new Dictionary<string, TypedData>(StringComparer.Ordinal)
        {
            ["QueueTrigger"] = new() { String = message.Body.ToString() },
            ["Id"] = new() { String = message.MessageId },
            ["PopReceipt"] = new() { String = message.PopReceipt },
            ["DequeueCount"] = new() { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) },
            ["InsertionTime"] = Time(message.InsertedOn),
            ["ExpirationTime"] = Time(message.ExpiresOn),
            ["NextVisibleTime"] = Time(message.NextVisibleOn),
        };
        return InvokeAsync(
            function,
            target => target.TriggerDataType == BindingInfo.Types.DataType.Binary
                ? new TypedData { Bytes = ByteString.CopyFrom(message.Body.ToMemory().Span) }
                : new TypedData { String = message.Body.ToString() },
            metadata,
            Guid.NewGuid().ToString(),
            cancellationToken);
    }

    public Task InvokeTimerAsync(string function, TimerInfo info, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(info);
        return InvokeAsync(function, _ => new TypedData { Json = json }, new Dictionary<string, TypedData>(), Guid.NewGuid().ToString(), cancellationToken);
    }

    /// <summary>Runs one invocation to its end.</summary>
    /// <exception cref="FunctionInvocationException">The worker reports that the function failed.</exception>
    /// <exception cref="WorkerGoneException">The worker died first.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, and the worker ended the invocation (or its grace ran out).</exception>
    public async Task InvokeAsync(
        string function,
        Func<WorkerFunction, TypedData> triggerData,
        IDictionary<string, TypedData> triggerMetadata,
        string invocationId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(triggerData);
        var run = await supervisor.ReadyAsync(cancellationToken);
        if (!run.Functions.TryGetValue(function, out var target))
        {
            throw new FunctionInvocationException($"The worker has no function '{function}'.");
        }

        var request = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = target.Id,
            TraceContext = new RpcTraceContext { TraceParent = TraceParent() },
        };
        request.InputData.Add(new ParameterBinding { Name = target.TriggerBinding, Data = triggerData(target) });
        request.TriggerMetadata.Add(triggerMetadata);

        var connection = run.Connection;
        connection.Track(invocationId, target.Name);
        try
        {
            var answer = connection.RequestAsync(new StreamingMessage { InvocationRequest = request }, CancellationToken.None);
            var graceOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (cancellationToken.Register(() =>
            {
                connection.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId, GracePeriod = Duration.FromTimeSpan(CancelGrace) } });
                _ = Task.Delay(CancelGrace, CancellationToken.None).ContinueWith(_ => graceOver.TrySetResult(), TaskScheduler.Default);
            }))
            {
                if (await Task.WhenAny(answer, graceOver.Task) != answer)
                {
                    throw new OperationCanceledException($"The worker did not end the cancelled invocation of '{function}' within {CancelGrace.TotalSeconds} s.", cancellationToken);
                }
            }

            var result = (await answer).InvocationResponse.Result;
            switch (result.Status)
            {
                case StatusResult.Types.Status.Success:
                    return;
                case StatusResult.Types.Status.Cancelled:
                    throw new OperationCanceledException($"The worker cancelled the invocation of '{function}'.", cancellationToken);
                default:
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new FunctionInvocationException($"Function '{function}' failed in the worker: {result.Exception?.Message ?? result.Result}");
            }
        }
        finally
        {
            connection.Untrack(invocationId);
        }
    }

    private static TypedData Time(DateTimeOffset? at) =>
        new() { Json = at is { } value ? JsonSerializer.Serialize(value) : "null" };

    /// <summary>A W3C traceparent for one invocation (the runner's own activity's trace when there is one).</summary>
    private static string TraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current
            ? current.Id!
            : $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";
}
