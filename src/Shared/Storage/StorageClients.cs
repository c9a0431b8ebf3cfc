using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.Storage;

/// <summary>
/// The app's Table, Queue and Blob clients, built from <c>AzureWebJobsStorage</c> exactly as the
/// Functions host reads it (<see cref="StorageConnection"/>): a connection string (default
/// <c>UseDevelopmentStorage=true</c>), or the identity form with <see cref="DefaultAzureCredential"/>
/// (the user-assigned identity <c>AzureWebJobsStorage__clientId</c> when given).
/// Tables and queues are created on first use, once per process.
/// </summary>
public sealed class StorageClients
{
    public const string ConnectionSetting = StorageConnection.Setting;

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);
    private readonly string _tablePrefix;

    public StorageClients(IConfiguration configuration, IOptions<StorageOptions> options, StorageRequestCounter counter)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _tablePrefix = options?.Value.TablePrefix ?? "";
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter.Tables, HttpPipelinePosition.PerRetry);
        // The Functions host reads and writes queue messages as base64; so must everything that enqueues.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(counter.Queues, HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(counter.Blobs, HttpPipelinePosition.PerRetry);

        Connection = StorageConnection.From(configuration);
        if (Connection.ConnectionString is { } connectionString)
        {
            Tables = new TableServiceClient(connectionString, tableOptions);
            Queues = new QueueServiceClient(connectionString, queueOptions);
            Blobs = new BlobServiceClient(connectionString, blobOptions);
        }
        else if (Connection is { TableServiceUri: { } table, QueueServiceUri: { } queue, BlobServiceUri: { } blob })
        {
            var credential = CreateCredential(Connection.ClientId);
            Tables = new TableServiceClient(table, credential, tableOptions);
            Queues = new QueueServiceClient(queue, credential, queueOptions);
            Blobs = new BlobServiceClient(blob, credential, blobOptions);
        }
        else
        {
            throw new InvalidOperationException("StorageConnection gave neither a connection string nor all three service URIs.");
        }
    }

    /// <summary>How the clients reach storage: a connection string or an identity.</summary>
    public StorageConnection Connection { get; }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken = default)
        => Once(_tables, _tablePrefix + name, async n =>
        {
            var client = Tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(CancellationToken.None);
            return client;
        }, cancellationToken);

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken = default)
        => Once(_queues, name, async n =>
        {
            var client = Queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }, cancellationToken);

    /// <summary>
    /// Creates a table or queue once per process and shares the client. The creation never runs on a caller's token,
    /// which only stops that caller waiting: a first request cancelled (a client gone, a slow storage after a restart)
    /// must not leave a cancelled creation remembered, failing every later call until the process restarts (the fault
    /// run found an endpoint answering 500 for good that way). A creation that failed is tried again by the next call.
    /// </summary>
    private static Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create, CancellationToken cancellationToken)
    {
        var entry = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        if (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            cache.TryUpdate(name, new Lazy<Task<T>>(() => create(name)), entry);
            entry = cache[name];
        }

        var created = entry.Value;

        // WaitAsync returns a task already finished as it is, so a caller that gave up is told so even when the creation
        // won the race (on a busy machine it can finish between the two lines above).
        return cancellationToken.IsCancellationRequested ? Task.FromCanceled<T>(cancellationToken) : created.WaitAsync(cancellationToken);
    }

    private static DefaultAzureCredential CreateCredential(string? clientId)
        => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId });
}
