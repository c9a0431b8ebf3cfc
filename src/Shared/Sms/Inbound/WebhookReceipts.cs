using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Storage;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// Which provider webhook deliveries were acted on (table <see cref="TableNames.WebhookReceipts"/>, PK the
/// provider, RK the SHA-256 of what makes a delivery unique: a Twilio message sid with its status, an
/// Event Grid event id). A delivery found here is a replay and is refused. A receipt is written only
/// after the delivery was acted on, so a provider's retry of a delivery that failed half way is still
/// taken; the actions themselves are idempotent, so two copies racing in at once do no harm. Rows hold
/// no number and no text; they are deleted after <see cref="KeptFor"/> by the retention timer.
/// </summary>
public sealed class WebhookReceipts(StorageClients storage)
{
    /// <summary>Far longer than any provider retries (Event Grid gives up after 24 hours).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    private Task<TableClient> Table(CancellationToken ct) => storage.TableAsync(TableNames.WebhookReceipts, ct);

    public async Task<bool> WasReceivedAsync(string provider, string delivery, CancellationToken ct)
    {
        var found = await (await Table(ct)).GetEntityIfExistsAsync<TableEntity>(provider, Key(delivery), select: ["RowKey"], cancellationToken: ct);
        return found.HasValue;
    }

    public async Task RecordAsync(string provider, string delivery, DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            await (await Table(ct)).AddEntityAsync(new TableEntity(provider, Key(delivery)) { ["ReceivedAt"] = at }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A copy that raced in beside this one recorded it first.
        }
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken ct)
        => await (await Table(ct)).DeleteWhereAsync(TableClient.CreateQueryFilter($"ReceivedAt lt {before}"), ct);

    private static string Key(string delivery) => TableKeys.Sha256Hex(delivery);
}
