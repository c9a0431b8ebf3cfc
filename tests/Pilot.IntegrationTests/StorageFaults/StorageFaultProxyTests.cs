using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Pilot.FaultRun.StorageFaults;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.StorageFaults;

/// <summary>The fault run's storage proxy on real Azurite: what it fails, what it lets through, and what it counts.</summary>
public sealed class StorageFaultProxyTests : IDisposable
{
    // The clients that talk to the proxy use a connection pool of this test's own. In the CI run of 6 December 2026 a
    // transaction through the proxy failed with "the response ended prematurely" (the proxy never ends a request that
    // way unless told to fail it). The likely cause: the SDK's shared pool held an idle connection to a proxy that another
    // test had stopped, on the port this test's proxy was then given. With no retries (each call must be one request),
    // that failed the test although the proxy had done nothing wrong; a pool of its own has no such connections.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task An_insert_failed_before_reaching_storage_is_answered_with_a_table_error_and_is_not_in_the_table()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        var (viaProxy, direct) = await TableAsync(proxy);
        proxy.Tables.FailBeforeRate = 1;

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => viaProxy.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Contains(failed.Status, new[] { 503, 500 });
        Assert.Contains(failed.ErrorCode, new[] { "ServerBusy", "OperationTimedOut" });
        Assert.False((await direct.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.Equal(1, proxy.Counts[StorageService.Tables].FailedBefore);
        Assert.Equal(0, proxy.Counts[StorageService.Tables].AppliedThenFailed);
    }

    [Fact]
    public async Task An_insert_applied_then_failed_is_in_the_table_and_its_retry_meets_its_own_write()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        var (viaProxy, direct) = await TableAsync(proxy);
        proxy.Tables.FailAfterRate = 1;
        proxy.Tables.HangFor = TimeSpan.FromMilliseconds(200);

        await Assert.ThrowsAsync<RequestFailedException>(() => viaProxy.AddEntityAsync(new TableEntity("p", "r")));

        Assert.True((await direct.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.Equal(1, proxy.Counts[StorageService.Tables].AppliedThenFailed);
        proxy.Tables.FailAfterRate = 0;
        var retried = await Assert.ThrowsAsync<RequestFailedException>(() => viaProxy.AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(409, retried.Status);
    }

    [Fact]
    public async Task Queue_and_blob_requests_failed_before_are_answered_in_their_XML_error_shape_and_change_nothing()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        var name = Azurite.UniqueName("proxyq");
        var queue = new QueueClient(proxy.ConnectionString, name, new QueueClientOptions { Retry = { MaxRetries = 0 }, Transport = Transport() });
        await queue.CreateAsync();
        var blobs = new BlobContainerClient(proxy.ConnectionString, name, new BlobClientOptions { Retry = { MaxRetries = 0 }, Transport = Transport() });
        await blobs.CreateAsync();
        proxy.Queues.FailBeforeRate = 1;
        proxy.Blobs.FailBeforeRate = 1;

        var queueFailed = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("hello"));
        var blobFailed = await Assert.ThrowsAsync<RequestFailedException>(() => blobs.UploadBlobAsync("letter.pdf", BinaryData.FromString("pdf")));

        Assert.Contains(queueFailed.ErrorCode, new[] { "ServerBusy", "OperationTimedOut" });
        Assert.Contains(blobFailed.ErrorCode, new[] { "ServerBusy", "OperationTimedOut" });
        Assert.Equal(0, (await new QueueClient(Azurite.ConnectionString, name).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False((await new BlobContainerClient(Azurite.ConnectionString, name).GetBlobClient("letter.pdf").ExistsAsync()).Value);
    }

    [Fact]
    public async Task An_enqueue_applied_then_failed_is_on_the_queue()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        var name = Azurite.UniqueName("proxyq");
        var queue = new QueueClient(proxy.ConnectionString, name, new QueueClientOptions { Retry = { MaxRetries = 0 }, Transport = Transport() });
        await queue.CreateAsync();
        proxy.Queues.FailAfterRate = 1;
        proxy.Queues.HangFor = TimeSpan.FromMilliseconds(200);

        await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("hello"));

        Assert.Equal(1, (await new QueueClient(Azurite.ConnectionString, name).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(1, proxy.Counts[StorageService.Queues].AppliedThenFailed);
    }

    [Fact]
    public async Task During_an_outage_every_request_fails_server_busy_and_afterwards_requests_go_through()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        var (viaProxy, direct) = await TableAsync(proxy);

        proxy.BeginOutage();
        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => viaProxy.AddEntityAsync(new TableEntity("p", "r")));
        proxy.EndOutage();
        await viaProxy.AddEntityAsync(new TableEntity("p", "r2"));

        Assert.Equal(503, failed.Status);
        Assert.Equal("ServerBusy", failed.ErrorCode);
        Assert.False((await direct.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.True((await direct.GetEntityIfExistsAsync<TableEntity>("p", "r2")).HasValue);
        Assert.Equal(1, proxy.Counts[StorageService.Tables].DuringOutage);
    }

    [Fact]
    public async Task Keys_with_escaped_characters_and_a_table_transaction_pass_through_the_proxy_unchanged()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        var (viaProxy, direct) = await TableAsync(proxy);

        // A parent's number index row is keyed by E.164 ("+44..."): the SDK escapes the plus, and so must the forwarded request.
        await viaProxy.UpsertEntityAsync(new TableEntity("m+447700900123", "a b"), TableUpdateMode.Replace);
        var answer = await viaProxy.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "a")), new(TableTransactionActionType.Add, new TableEntity("p", "b"))]);

        Assert.True((await direct.GetEntityIfExistsAsync<TableEntity>("m+447700900123", "a b")).HasValue);
        Assert.Equal(2, answer.Value.Count);
        Assert.True((await direct.GetEntityIfExistsAsync<TableEntity>("p", "a")).HasValue);
        Assert.True((await direct.GetEntityIfExistsAsync<TableEntity>("p", "b")).HasValue);
    }

    /// <summary>A fresh table, through the proxy (no SDK retries, so each call is one request) and straight to Azurite.</summary>
    private async Task<(TableClient ViaProxy, TableClient Direct)> TableAsync(StorageFaultProxy proxy)
    {
        var name = Azurite.UniqueName("proxy").Replace("-", "", StringComparison.Ordinal);
        var direct = new TableClient(Azurite.ConnectionString, name);
        await direct.CreateAsync();
        return (new TableClient(proxy.ConnectionString, name, new TableClientOptions { Retry = { MaxRetries = 0 }, Transport = Transport() }), direct);
    }

    private HttpClientTransport Transport() => new(_http);
}
