using Pilot.Shared.Storage;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Build;

/// <summary>The shared storage clients on real Azurite.</summary>
public sealed class StorageClientsTests
{
    [Fact]
    public async Task A_first_caller_cancelled_while_a_table_or_queue_is_created_does_not_fail_every_later_caller()
    {
        // The fault run found POST /api/wfi-invitations answering 500 for good after a restart: the first request's
        // cancelled token was captured by the remembered table creation, and every later request got that cancellation.
        await using var services = await PilotServices.StartAsync();
        var storage = services.Get<StorageClients>();
        var table = Azurite.UniqueName("cancelled");
        var queue = Azurite.UniqueName("cancelled-");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => storage.TableAsync(table, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => storage.QueueAsync(queue, cancelled.Token));
        var tableClient = await storage.TableAsync(table);
        var queueClient = await storage.QueueAsync(queue);

        await tableClient.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));
        await queueClient.SendMessageAsync("x");
        Assert.Equal(1, (await queueClient.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
