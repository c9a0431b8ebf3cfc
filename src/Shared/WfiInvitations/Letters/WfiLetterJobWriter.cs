using System.Text.Json;
using Microsoft.Extensions.Options;
using Pilot.Shared.Storage;

namespace Pilot.Shared.WfiInvitations.Letters;

/// <summary>The letter queue (<c>Wfi:LetterQueue</c>), base64 JSON as the Functions host reads it.</summary>
public sealed class WfiLetterJobWriter(StorageClients storage, IOptions<WfiOptions> options)
{
    public async Task EnqueueAsync(WfiLetterJob job, CancellationToken ct, TimeSpan? delay = null)
    {
        var queue = await storage.QueueAsync(options.Value.LetterQueue, ct);
        await queue.SendMessageAsync(JsonSerializer.Serialize(job, JsonDefaults.Web), delay, cancellationToken: ct);
    }
}
