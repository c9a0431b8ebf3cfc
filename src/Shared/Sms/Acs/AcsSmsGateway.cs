using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Phones;
using Pilot.Shared.Sms.Resilience;
using Polly;
using Polly.Registry;

namespace Pilot.Shared.Sms.Acs;

/// <summary>
/// Sends through Azure Communication Services SMS, each attempt through the <c>sms-acs</c> pipeline.
/// Every request repeats the same repeatability id and first-sent time for a message id, so ACS sends a
/// message once however often we ask: a retry after a dropped connection or a timeout is safe, and is
/// simply a transient failure, retried here. Safe here only: if the retries run out after an attempt that may
/// have reached ACS, handing the message to another provider could text the parent twice, so the failure is
/// then <see cref="SmsOutcomeUnknownException"/> (no failover); the settled repeat comes back to ACS first
/// (<see cref="SmsMessage.IsRepeat"/>), which de-duplicates it.
/// </summary>
public sealed class AcsSmsGateway(AcsSmsClient client, IOptions<AcsOptions> options, ResiliencePipelineProvider<string> pipelines, TimeProvider time, ILogger<AcsSmsGateway> logger) : ISmsGateway
{
    public const string ProviderName = "acs";

    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(SmsResiliencePipelines.NameFor(ProviderName));

    /// <summary>How soon a message whose ACS attempts ran out after one that may have reached ACS is settled (resent to ACS).</summary>
    public static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(30);

    public string Name => ProviderName;

    public bool DeduplicatesRepeats => true;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var analysis = SmsText.Analyse(message.Body);
        var attempts = new AttemptLog();
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, ct) => new ValueTask<SmsSendResult>(state.Gateway.SendOnceAsync(state.Message, state.Analysis, state.Attempts, state.Caller, ct)),
                (Gateway: this, Message: message, Analysis: analysis, Attempts: attempts, Caller: cancellationToken),
                cancellationToken);
        }
        catch (Exception ex) when (attempts.MayHaveReachedAcs && ex is not OperationCanceledException)
        {
            logger.LogWarning("ACS may have accepted {MessageId} to {To} before its retries ran out; keeping it with ACS, settling after {SettleAfter}", message.MessageId, PhoneMask.Mask(message.To), SettleAfter);
            throw new SmsOutcomeUnknownException(ProviderName, SettleAfter, ex);
        }
    }

    /// <summary>
    /// Always null: ACS cannot be asked by our id, and needs not be, because sending again under the same
    /// id is de-duplicated by the repeatability pair. "Not found" makes the caller resend, which is safe.
    /// </summary>
    public Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken) => Task.FromResult<SmsSendResult?>(null);

    private async Task<SmsSendResult> SendOnceAsync(SmsMessage message, SmsAnalysis analysis, AttemptLog attempts, CancellationToken caller, CancellationToken attempt)
    {
        message.EnsureMayStart(ProviderName, time.GetUtcNow(), TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        AcsSendResponse response;
        try
        {
            response = await client.SendAsync(message.MessageId, message.To, analysis.NormalisedText, message.FirstSentAt, attempt);
        }
        catch (Exception ex) when (TransportFailures.IsTransport(ex))
        {
            caller.ThrowIfCancellationRequested();
            attempts.MayHaveReachedAcs |= !TransportFailures.RequestNeverSent(ex);
            // Sent or not, a repeat carries the same repeatability pair: safe to retry.
            throw new SmsProviderException(ProviderName, "no answer from ACS", isTransient: true, innerException: ex);
        }

        if (response.Recipient is { Successful: true, MessageId: { } id })
        {
            logger.LogInformation("ACS accepted {MessageId} to {To} as {AcsMessageId} ({Repeatability})", message.MessageId, PhoneMask.Mask(message.To), id, response.Recipient.RepeatabilityResult);
            return new SmsSendResult(ProviderName, id, SmsDeliveryStatus.Sent, analysis.Fragments, analysis.Encoding, time.GetUtcNow());
        }

        var status = response.Recipient?.HttpStatusCode ?? response.HttpStatus;
        if (response.Recipient is not null && status is >= 400 and < 500 and not 429)
        {
            logger.LogWarning("ACS refused {MessageId} to {To}: HTTP {Status}", message.MessageId, PhoneMask.Mask(message.To), status);
            return new SmsSendResult(ProviderName, null, SmsDeliveryStatus.PermanentFailure, analysis.Fragments, analysis.Encoding, time.GetUtcNow(), $"acs {status}");
        }

        var transient = status is 429 or 408 or >= 500;
        throw new SmsProviderException(ProviderName, $"HTTP {status}", transient, response.RetryAfter);
    }

    /// <summary>What this message's attempts learnt, across the pipeline's retries.</summary>
    private sealed class AttemptLog
    {
        public bool MayHaveReachedAcs { get; set; }
    }
}
