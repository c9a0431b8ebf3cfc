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
/// Recording is keyed by our message id (PK = RK = id), so a repeated send records and answers once.
/// </summary>
public sealed class OutboxSmsGateway(StorageClients storage, TimeProvider time, ILogger<OutboxSmsGateway> logger) : ISmsGateway, IEmbeddedDefault
{
    public const string GatewayName = "outbox";

    public string Name => GatewayName;

    string IEmbeddedDefault.Name => "Outbox SMS gateway";

    public string Description =>
        "No SMS provider configured (Sms:Providers is empty): texts are recorded in the Outbox table and NOT sent to phones.";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var analysis = SmsText.Analyse(message.Body);
        var status = SimulatedReceipt(message.To);
        var entity = new TableEntity(message.MessageId, message.MessageId)
        {
            ["To"] = message.To,
            ["Body"] = analysis.NormalisedText,
            ["Encoding"] = analysis.Encoding.ToString(),
            ["Fragments"] = analysis.Fragments,
            ["Status"] = status.ToWire(),
            ["AcceptedAt"] = time.GetUtcNow(),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded under this id: answer as the first time, never record twice.
            var existing = await FindAsync(message.MessageId, cancellationToken);
            return existing ?? throw new InvalidOperationException($"Outbox message {message.MessageId} conflicted but cannot be read.", ex);
        }

        logger.LogInformation(
            "Outbox SMS {MessageId} to {To}: {Fragments} fragment(s), {Encoding}; simulated receipt {Status} (not sent to a phone)",
            message.MessageId, PhoneMask.Mask(message.To), analysis.Fragments, analysis.Encoding, status.ToWire());
        return ToResult(message.MessageId, entity);
    }

    public async Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(messageId, messageId, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? ToResult(messageId, entity) : null;
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
