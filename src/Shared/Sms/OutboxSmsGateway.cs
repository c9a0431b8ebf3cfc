using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Hosting;
using Pilot.Shared.Phones;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Sms;

/// <summary>
/// The embedded default gateway, used when no SMS provider is configured: nothing leaves the
/// building. Each message is recorded in the Outbox table (number, body, encoding, fragments, time),
/// logged with the number masked, and answered with the receipt GOV.UK Notify's test key would give:
/// 07700 900003 temporary-failure, 07700 900002 permanent-failure, anything else delivered.
/// Recording is keyed by our message id (RK, in the one partition <see cref="Partition"/>), so a repeated send records
/// and answers once; sends that meet are added in one transaction (<see cref="GroupedWrites"/>). Rows recorded before
/// 2026-12-05 have the id as their partition key too, and are still found there.
/// </summary>
public sealed class OutboxSmsGateway(StorageClients storage, TimeProvider time, ILogger<OutboxSmsGateway> logger) : ISmsGateway, IEmbeddedDefault
{
    public const string GatewayName = "outbox";

    /// <summary>The partition key of every row: one partition, so that adds that meet can share a transaction.</summary>
    public const string Partition = "sms";

    private readonly GroupedWrites _adds = new(ct => storage.TableAsync(TableNames.Outbox, ct));

    public string Name => GatewayName;

    string IEmbeddedDefault.Name => "Outbox SMS gateway";

    public string Description =>
        "No SMS provider configured (Sms:Providers is empty): texts are recorded in the Outbox table and NOT sent to phones.";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var analysis = SmsText.Analyse(message.Body);
        var status = SimulatedReceipt(message.To);
        var entity = new TableEntity(Partition, message.MessageId)
        {
            ["To"] = message.To,
            ["Body"] = analysis.NormalisedText,
            ["Encoding"] = analysis.Encoding.ToString(),
            ["Fragments"] = analysis.Fragments,
            ["Status"] = status.ToWire(),
            ["AcceptedAt"] = time.GetUtcNow(),
        };
        if (!await _adds.TryAddAsync(entity, cancellationToken))
        {
            // Already recorded under this id: answer as the first time, never record twice.
            var existing = await FindAsync(message.MessageId, cancellationToken);
            return existing ?? throw new InvalidOperationException($"Outbox message {message.MessageId} conflicted but cannot be read.");
        }

        logger.LogInformation(
            "Outbox SMS {MessageId} to {To}: {Fragments} fragment(s), {Encoding}; simulated receipt {Status} (not sent to a phone)",
            message.MessageId, PhoneMask.Mask(message.To), analysis.Fragments, analysis.Encoding, status.ToWire());
        return ToResult(message.MessageId, entity);
    }

    public async Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        foreach (var partition in new[] { Partition, messageId })
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, messageId, cancellationToken: cancellationToken);
            if (found.HasValue && found.Value is { } entity)
            {
                return ToResult(messageId, entity);
            }
        }

        return null;
    }

    /// <summary>The GOV.UK Notify test-key convention, by national number.</summary>
    internal static SmsDeliveryStatus SimulatedReceipt(string e164) => e164 switch
    {
        "+447700900003" => SmsDeliveryStatus.TemporaryFailure,
        "+447700900002" => SmsDeliveryStatus.PermanentFailure,
        _ => SmsDeliveryStatus.Delivered,
    };

    private static SmsSendResult ToResult(string messageId, TableEntity entity)
    {
        var status = SmsDeliveryStatusNames.FromWire(entity.GetString("Status"));
        return new SmsSendResult(
            GatewayName,
            messageId,
            status,
            entity.GetInt32("Fragments") ?? 1,
            Enum.Parse<SmsEncoding>(entity.GetString("Encoding")),
            entity.GetDateTimeOffset("AcceptedAt") ?? DateTimeOffset.MinValue,
            status is SmsDeliveryStatus.Delivered or SmsDeliveryStatus.Sent ? null : status.ToWire());
    }
}
