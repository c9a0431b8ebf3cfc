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
    {
        var fullName = _tablePrefix + name;
        return _tables.GetOrAdd(fullName, n => new Lazy<Task<TableClient>>(async () =>
        {
            var client = Tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken);
            return client;
        })).Value;
    }

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken = default)
        => _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = Queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return client;
        })).Value;

    private static DefaultAzureCredential CreateCredential(string? clientId)
        => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId });
}
