using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Pilot.LocalRunner.Worker.Protocol;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// One worker's <c>EventStream</c>: requests go out through one writer (gRPC streams take one write at a time) and
/// each answer completes the request that carries its request id; logs go to <see cref="WorkerLogs"/>.
/// </summary>
internal sealed class WorkerConnection(string workerId, WorkerLogs logs)
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Function name by invocation id, so the worker's logs name the function they belong to.</summary>
    private readonly ConcurrentDictionary<string, string> _invocations = new(StringComparer.Ordinal);

    public string WorkerId { get; } = workerId;

    /// <summary>Completes when the stream has ended, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Sends a request and waits for the answer with the same request id.</summary>
    /// <exception cref="WorkerGoneException">The stream ended first.</exception>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestId = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.RequestId] = answer;
        try
        {
            if (_closed.Task.IsCompleted || !_outgoing.Writer.TryWrite(request))
            {
                throw new WorkerGoneException();
            }

            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends a message that has no answer (a cancellation, a termination).</summary>
    public void Send(StreamingMessage message) => _outgoing.Writer.TryWrite(message);

    public void Track(string invocationId, string functionName) => _invocations[invocationId] = functionName;

    public void Untrack(string invocationId) => _invocations.TryRemove(invocationId, out _);

    /// <summary>Serves the stream until the worker ends it or the server stops; then every waiting request fails.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> incoming, IServerStreamWriter<StreamingMessage> outgoing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(outgoing);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAsync(outgoing, stop.Token);
        try
        {
            while (await incoming.MoveNext(stop.Token))
            {
                Receive(incoming.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or Grpc.Core.RpcException or OperationCanceledException)
        {
            // The worker died or the runner is stopping: either way the stream is over.
        }
        catch (Exception ex)
        {
            // Anything else is the runner's own fault; say so, then end the stream (the worker is restarted).
            logs.StreamFailed(ex);
        }
        finally
        {
            Close();
            await stop.CancelAsync();
            await writing;
        }
    }

    /// <summary>Ends the connection from this side (its process is gone): waiting requests fail at once.</summary>
    public void Close()
    {
        _outgoing.Writer.TryComplete();
        _closed.TrySetResult();
        foreach (var (_, waiting) in _pending)
        {
            waiting.TrySetException(new WorkerGoneException());
        }
    }

    private void Receive(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            var log = message.RpcLog;
            logs.Write(log, _invocations.TryGetValue(log.InvocationId, out var function) ? function : null);
        }
        else if (_pending.TryGetValue(message.RequestId, out var waiting))
        {
            waiting.TrySetResult(message);
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> outgoing, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                await outgoing.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or Grpc.Core.RpcException or OperationCanceledException or InvalidOperationException)
        {
            // The stream is gone; the reader side reports it.
        }
    }
}
