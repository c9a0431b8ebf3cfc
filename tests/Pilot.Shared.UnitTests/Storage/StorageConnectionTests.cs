using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pilot.Shared.Storage;

namespace Pilot.Shared.UnitTests.Storage;

/// <summary>How the app picks between a connection string and its managed identity (no Azure needed: nothing is called).</summary>
public sealed class StorageConnectionTests
{
    private const string ClientId = "00000000-0000-0000-0000-00000000c11d";

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void A_connection_string_wins_over_identity_settings()
    {
        var connection = StorageConnection.From(Config(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1"),
            ("AzureWebJobsStorage:tableServiceUri", "https://st.table.core.windows.net")));

        Assert.False(connection.UsesIdentity);
        Assert.StartsWith("UseDevelopmentStorage=true", connection.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_configured_means_the_local_emulator()
    {
        var connection = StorageConnection.From(Config());

        Assert.Equal(StorageConnection.DevelopmentStorage, connection.ConnectionString);
    }

    [Fact]
    public void The_identity_form_the_bicep_sets_gives_all_three_services_and_the_user_assigned_identity()
    {
        var connection = StorageConnection.From(Config(
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", ClientId),
            ("AzureWebJobsStorage:blobServiceUri", "https://stpilot.blob.core.windows.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://stpilot.queue.core.windows.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://stpilot.table.core.windows.net/")));

        Assert.True(connection.UsesIdentity);
        Assert.Equal(new Uri("https://stpilot.blob.core.windows.net/"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://stpilot.queue.core.windows.net/"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://stpilot.table.core.windows.net/"), connection.TableServiceUri);
        Assert.Equal(ClientId, connection.ClientId);
    }

    [Fact]
    public void An_account_name_alone_gives_the_three_public_endpoints()
    {
        var connection = StorageConnection.From(Config(("AzureWebJobsStorage:accountName", "stpilot")));

        Assert.True(connection.UsesIdentity);
        Assert.Equal(new Uri("https://stpilot.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://stpilot.queue.core.windows.net"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://stpilot.table.core.windows.net"), connection.TableServiceUri);
        Assert.Null(connection.ClientId);
    }

    [Fact]
    public void A_partial_identity_form_fails_at_start_naming_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.From(Config(
            ("AzureWebJobsStorage:blobServiceUri", "https://stpilot.blob.core.windows.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://stpilot.queue.core.windows.net/"))));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_settings_build_table_queue_and_blob_clients_on_those_endpoints()
    {
        var configuration = Config(
            ("AzureWebJobsStorage:clientId", ClientId),
            ("AzureWebJobsStorage:blobServiceUri", "https://stpilot.blob.core.windows.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://stpilot.queue.core.windows.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://stpilot.table.core.windows.net/"));

        var clients = new StorageClients(configuration, Options.Create(new StorageOptions()), new StorageRequestCounter());

        Assert.True(clients.Connection.UsesIdentity);
        Assert.Equal("stpilot", clients.Tables.AccountName);
        Assert.Equal(new Uri("https://stpilot.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://stpilot.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal(new Uri("https://stpilot.blob.core.windows.net/"), clients.Blobs.Uri);
    }
}
