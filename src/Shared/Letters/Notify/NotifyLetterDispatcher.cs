using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Letters.Dispatch;
using Pilot.Shared.Sms.Resilience;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace Pilot.Shared.Letters.Notify;

/// <summary>
/// Sends letters through GOV.UK Notify's precompiled-letter API. The PDF is stored first and marked
/// <c>sending</c>; once Notify answers, its notification id is recorded. A dispatch of a reference
/// already recorded returns that record; one left <c>sending</c> (a crash, a timeout after the request
/// went out) first asks Notify for a letter with that reference and sends only if there is none, so a
/// retried queue message never posts two letters. The claim is an ETag-conditional write, and a letter
/// another worker marked <c>sending</c> is left to it for <see cref="SendingLease"/>, so two deliveries of
/// one message at once post one letter too.
/// </summary>
public sealed class NotifyLetterDispatcher(
    NotifyLetterClient client,
    LetterStore store,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<LetterOptions> options,
    IOptions<NotifyOptions> notifyOptions,
    TimeProvider time,
    ILogger<NotifyLetterDispatcher> logger) : ILetterDispatcher
{
    public const string ChannelName = "notify";

    /// <summary>How long a letter left <c>sending</c> is another worker's: longer than the whole pipeline may run.</summary>
    public TimeSpan SendingLease => NotifyResiliencePipeline.TotalTimeout(notifyOptions.Value) + TimeSpan.FromSeconds(30);

    public async Task<LetterDispatch> DispatchAsync(string reference, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        LetterReference.Check(reference);
        var existing = await store.FindAsync(reference, cancellationToken);
        if (existing?.Dispatch is { } done)
        {
            logger.LogInformation("Letter {Reference} was already dispatched ({Channel}); not sent again", reference, done.Channel);
            return done;
        }

        var pipeline = pipelines.GetPipeline(NotifyResiliencePipeline.Name);
        try
        {
            if (existing is { State: LetterDispatchState.Sending, Channel: ChannelName })
            {
                // Another worker may still be sending it (a queue message delivered twice): leave it alone
                // until that attempt must have ended, then ask Notify whether it took the letter.
                if (existing.SendingSince is { } since && time.GetUtcNow() - since < SendingLease)
                {
                    throw new LetterDispatchException($"Letter {reference} is being sent by another worker; try again later.", isPermanent: false)
                    {
                        RetryAfter = since + SendingLease - time.GetUtcNow(),
                    };
                }

                var found = await pipeline.ExecuteAsync(async ct => await client.FindLetterAsync(reference, ct), cancellationToken);
                if (found is not null)
                {
                    logger.LogInformation("Letter {Reference} was already with Notify as {NotificationId}; recorded, not sent again", reference, found);
                    return await RecordAsync(reference, found, cancellationToken);
                }
            }

            if (!await store.TryClaimAsync(reference, pdf, ChannelName, null, time.GetUtcNow(), existing, cancellationToken))
            {
                throw new LetterDispatchException($"Letter {reference} is being sent by another worker; try again later.", isPermanent: false) { RetryAfter = SendingLease };
            }

            var postage = options.Value.Postage;
            var id = await pipeline.ExecuteAsync(async ct => await client.SendPrecompiledLetterAsync(reference, pdf, postage, ct), cancellationToken);
            logger.LogInformation("Letter {Reference} sent to GOV.UK Notify as {NotificationId} ({Postage} class)", reference, id, postage);
            return await RecordAsync(reference, id, cancellationToken);
        }
        catch (NotifyApiException ex) when (!ex.IsTransient)
        {
            logger.LogWarning("GOV.UK Notify refused letter {Reference}: {Status} {Error}", reference, ex.StatusCode, ex.Error);
            throw new LetterDispatchException($"GOV.UK Notify refused letter {reference}: {ex.Message}", isPermanent: true, ex);
        }
        catch (Exception ex) when (ex is NotifyApiException or TimeoutRejectedException || (TransportFailures.IsTransport(ex) && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Letter {Reference} not confirmed by GOV.UK Notify ({Failure}); a retry asks Notify first", reference, ex.GetType().Name);
            throw new LetterDispatchException($"Letter {reference} was not confirmed by GOV.UK Notify; try again later.", isPermanent: false, ex) { RetryAfter = SendingLease };
        }
    }

    private async Task<LetterDispatch> RecordAsync(string reference, string notificationId, CancellationToken cancellationToken)
    {
        var dispatch = new LetterDispatch(ChannelName, notificationId);
        await store.RecordDispatchedAsync(reference, dispatch, time.GetUtcNow(), cancellationToken);
        return dispatch;
    }
}
