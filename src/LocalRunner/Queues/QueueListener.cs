using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Worker;

namespace Pilot.LocalRunner.Queues;

/// <summary>
/// Polls one queue for one function with the host's semantics: batches received invisible for ten
/// minutes (<c>LocalRunner:ProcessingVisibilitySeconds</c>), deleted on success, made visible again after host.json <c>visibilityTimeout</c> on
/// failure, and copied unchanged to <c>&lt;queue&gt;-poison</c> once <c>maxDequeueCount</c> tries have failed.
/// </summary>
internal sealed partial class QueueListener : BackgroundService
{
    /// <summary>How long a received message stays invisible while it runs, as the host does; after a crash it reappears then.</summary>
    public static readonly TimeSpan DefaultProcessingVisibility = TimeSpan.FromMinutes(10);

    private readonly TimeSpan _processingVisibility;
    private readonly QueueFunction _function;
    private readonly QueueHostOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueListener> _logger;
    private readonly QueueClient _queue;
    private readonly QueueClient _poisonQueue;
    private readonly QueueClient _rawPoisonQueue;
    private readonly WorkerInvoker? _worker;

    public QueueListener(
        QueueFunction function,
        QueueHostOptions options,
        TimeSpan processingVisibility,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILogger<QueueListener> logger,
        WorkerInvoker? worker = null)
    {
        _worker = worker;
        _function = function;
        _options = options;
        _processingVisibility = processingVisibility;
        _scopes = scopes;
        _time = time;
        _logger = logger;

        var clientOptions = new QueueClientOptions { MessageEncoding = options.MessageEncoding };
        clientOptions.MessageDecodingFailed += MoveUndecodableMessageToPoisonAsync;
        var service = new QueueServiceClient(function.Connection.ConnectionString, clientOptions);
        _queue = service.GetQueueClient(function.QueueName);
        _poisonQueue = service.GetQueueClient(function.PoisonQueueName);

        // A message that is not valid base64 is copied as it is, so it must not be encoded again.
        _rawPoisonQueue = new QueueServiceClient(
                function.Connection.ConnectionString,
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None })
            .GetQueueClient(function.PoisonQueueName);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new PollingBackoff(_options.MaxPollingInterval);
        var inFlight = new List<Task>();
        var queueExists = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] batch = [];
            try
            {
                if (!queueExists)
                {
                    await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    queueExists = true;
                }

                batch = (await _queue.ReceiveMessagesAsync(_options.BatchSize, _processingVisibility, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == QueueErrorCode.QueueNotFound)
            {
                queueExists = false;
            }
            catch (Exception ex)
            {
                // Storage unreachable or throttling: keep polling with back-off, as the host does.
                LogPollFailed(ex, _function.Method.Name, _function.QueueName);
            }

            foreach (var message in batch)
            {
                inFlight.Add(ProcessAsync(message, stoppingToken));
            }

            // Like the host, fetch the next batch only once the messages in flight drop to newBatchThreshold.
            while (inFlight.Count > _options.NewBatchThreshold)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }

            inFlight.RemoveAll(task => task.IsCompleted);
            var wait = batch.Length > 0 ? backoff.AfterMessages(batch.Length == _options.BatchSize) : backoff.WhenIdle();
            try
            {
                await Task.Delay(wait, _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        // Invocations in flight got the stopping token: let them finish (or observe it) before exit.
        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(
                    message,
                    $"its dequeue count {message.DequeueCount} was already past maxDequeueCount {_options.MaxDequeueCount} when received");
                return;
            }

            var started = _time.GetTimestamp();
            try
            {
                if (_worker is not null)
                {
                    await _worker.InvokeQueueAsync(_function.Method.Name, message, stoppingToken);
                }
                else
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    await _function.Method.InvokeAsync(scope.ServiceProvider, _function.BindArguments(message, stoppingToken));
                }

                LogSucceeded(_function.Method.Name, _function.QueueName, message.MessageId, message.DequeueCount, _time.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Not the message's fault: make it visible again at once for the next run.
                LogCancelled(_function.Method.Name, _function.QueueName, message.MessageId);
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, _function.Method.Name, _function.QueueName, message.MessageId, message.DequeueCount, _options.MaxDequeueCount);
                if (message.DequeueCount >= _options.MaxDequeueCount)
                {
                    await MoveToPoisonAsync(message, ex.Message);
                }
                else
                {
                    await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _options.VisibilityTimeout, cancellationToken: CancellationToken.None);
                }

                return;
            }

            // Completing a message must not be cut short by shutdown, or it would run again.
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The message stays invisible until its processing visibility passes, then it is tried again.
            LogCompletionFailed(ex, _function.Method.Name, _function.QueueName, message.MessageId);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string reason)
    {
        await _poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await _poisonQueue.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        LogPoisoned(_function.Method.Name, _function.QueueName, message.MessageId, _function.PoisonQueueName, message.DequeueCount, reason);
    }

    private async Task MoveUndecodableMessageToPoisonAsync(QueueMessageDecodingFailedEventArgs args)
    {
        // The host moves a message it cannot decode straight to the poison queue, so one bad
        // message cannot stall the batches it arrives in.
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        try
        {
            await _rawPoisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            await _rawPoisonQueue.SendMessageAsync(message.MessageText, cancellationToken: CancellationToken.None);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            LogPoisoned(_function.Method.Name, _function.QueueName, message.MessageId, _function.PoisonQueueName, message.DequeueCount, $"its body is not valid {_options.MessageEncoding}");
        }
        catch (Exception ex)
        {
            LogCompletionFailed(ex, _function.Method.Name, _function.QueueName, message.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{Function}' (Succeeded, queue '{Queue}', MessageId={MessageId}, DequeueCount={DequeueCount}, Duration={DurationMs:0}ms)")]
    private partial void LogSucceeded(string function, string queue, string messageId, long dequeueCount, double durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Executed '{Function}' (Failed, queue '{Queue}', MessageId={MessageId}, DequeueCount={DequeueCount} of {MaxDequeueCount})")]
    private partial void LogFailed(Exception exception, string function, string queue, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{Function}' (Cancelled, queue '{Queue}', MessageId={MessageId}): the runner is stopping; the message is released")]
    private partial void LogCancelled(string function, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function '{Function}': message {MessageId} from queue '{Queue}' moved to '{PoisonQueue}' after {DequeueCount} dequeues. Reason: {Reason}")]
    private partial void LogPoisoned(string function, string queue, string messageId, string poisonQueue, long dequeueCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function '{Function}': polling queue '{Queue}' failed; retrying with back-off")]
    private partial void LogPollFailed(Exception exception, string function, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function '{Function}': completing message {MessageId} in queue '{Queue}' failed; it becomes visible again when its lease ends")]
    private partial void LogCompletionFailed(Exception exception, string function, string queue, string messageId);
}
