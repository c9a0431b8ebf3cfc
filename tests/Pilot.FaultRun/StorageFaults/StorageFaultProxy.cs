using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pilot.FaultRun.StorageFaults;

/// <summary>
/// A fault-injecting HTTP proxy in front of Azurite: one port per service (tables, queues, blobs), each forwarding
/// to Azurite's, failing a share of requests before they reach it (<see cref="StorageErrorAnswer"/>), failing a share
/// after Azurite applied them (dropped connection, or held and then dropped), adding latency, and failing every
/// request during an outage. Point the app at <see cref="ConnectionString"/>; read what was done in <see cref="Counts"/>.
/// </summary>
public sealed class StorageFaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Dictionary<int, ServicePort> _byPort = [];
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private volatile bool _outage;

    private StorageFaultProxy(WebApplication app, int seed)
    {
        _app = app;
        _random = new Random(seed);
    }

    public ServiceFaults Tables { get; } = new();

    public ServiceFaults Queues { get; } = new();

    public ServiceFaults Blobs { get; } = new();

    /// <summary>Azurite's connection string with each endpoint moved to the proxy's port for it.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Whether every request is failing now (<see cref="BeginOutage"/>).</summary>
    public bool InOutage => _outage;

    public IReadOnlyDictionary<StorageService, ServiceFaultCounts> Counts
        => _byPort.Values.ToDictionary(p => p.Service, p => p.Counts());

    /// <summary>Starts the proxy in front of the Azurite that <paramref name="azurite"/> (a connection string with all three endpoints) names.</summary>
    public static async Task<StorageFaultProxy> StartAsync(string azurite, int seed = 11, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var parts = azurite.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.OrdinalIgnoreCase);
        var endpoints = new Dictionary<StorageService, string>
        {
            [StorageService.Tables] = "TableEndpoint",
            [StorageService.Queues] = "QueueEndpoint",
            [StorageService.Blobs] = "BlobEndpoint",
        };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "StorageFaultProxy" });
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.1:0", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new StorageFaultProxy(app, seed);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(ct);

        var ports = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a).Port).ToList();
        var services = endpoints.Keys.ToList();
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var upstream = new Uri(parts[endpoints[service]]);
            proxy._byPort[ports[i]] = new ServicePort(service, proxy.FaultsOf(service), new Uri(upstream.GetLeftPart(UriPartial.Authority)));
            parts[endpoints[service]] = new UriBuilder(upstream) { Port = ports[i] }.Uri.ToString().TrimEnd('/');
        }

        proxy.ConnectionString = string.Join(";", parts.Select(p => $"{p.Key}={p.Value}")) + ";";
        return proxy;
    }

    /// <summary>From now on every request fails (503 <c>ServerBusy</c>, Azurite untouched) until <see cref="EndOutage"/>.</summary>
    public void BeginOutage() => _outage = true;

    public void EndOutage() => _outage = false;

    public ServiceFaults FaultsOf(StorageService service) => service switch
    {
        StorageService.Tables => Tables,
        StorageService.Queues => Queues,
        _ => Blobs,
    };

    private double NextDouble()
    {
        lock (_randomLock)
        {
            return _random.NextDouble();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var port = _byPort[context.Connection.LocalPort];
        var faults = port.Faults;
        var ct = context.RequestAborted;
        port.CountRequest();
        if (faults.LatencyMax > TimeSpan.Zero)
        {
            await Task.Delay(faults.LatencyMax * NextDouble(), ct);
        }

        if (_outage)
        {
            port.CountDuringOutage();
            await AnswerAsync(context, port.Service, StorageErrorAnswer.ServerBusy);
            return;
        }

        var targeted = faults.TakeTargeted(context.Request.Method, context.Request.Path.ToString());
        if (targeted == TargetedFaultKind.FailBefore)
        {
            port.CountFailedBefore();
            await AnswerAsync(context, port.Service, StorageErrorAnswer.ServerBusy);
            return;
        }

        var roll = NextDouble();
        if (roll < faults.FailBeforeRate)
        {
            port.CountFailedBefore();
            await AnswerAsync(context, port.Service, roll < faults.FailBeforeRate / 2 ? StorageErrorAnswer.ServerBusy : StorageErrorAnswer.OperationTimedOut);
            return;
        }

        using var response = await ForwardAsync(context, port.Upstream, ct);
        if (targeted == TargetedFaultKind.AppliedThenDropped)
        {
            port.CountAppliedThenFailed();
            context.Abort();
            return;
        }

        roll = NextDouble();
        if (roll < faults.FailAfterRate)
        {
            port.CountAppliedThenFailed();
            if (roll < faults.FailAfterRate / 2)
            {
                await Task.Delay(faults.HangFor, ct);
            }

            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, ct);
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpContext context, Uri upstream, CancellationToken ct)
    {
        var request = context.Request;
        // The request target exactly as the SDK sent it: decoding and re-encoding the path (a key's escaped "+") would
        // change what the shared-key signature covers, and Azurite would refuse it.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(upstream, target));
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        message.Content = new StreamContent(body);
        foreach (var header in request.Headers.Where(h => !HopHeaders.Contains(h.Key)))
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        message.Content.Headers.ContentLength = body.Length;
        var response = await _forward.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
        return response;
    }

    private static async Task AnswerAsync(HttpContext context, StorageService service, StorageErrorAnswer answer)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = StorageErrorAnswer.ContentType(service);
        context.Response.Headers["x-ms-error-code"] = answer.Code;
        context.Response.Headers["x-ms-request-id"] = requestId;
        var body = answer.Body(service, requestId, DateTimeOffset.UtcNow);
        // A HEAD request gets the status and headers only, as from the real service.
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    /// <summary>One service's port: where it forwards and what it counted.</summary>
    private sealed class ServicePort(StorageService service, ServiceFaults faults, Uri upstream)
    {
        private int _requests;
        private int _failedBefore;
        private int _appliedThenFailed;
        private int _duringOutage;

        public StorageService Service { get; } = service;

        public ServiceFaults Faults { get; } = faults;

        public Uri Upstream { get; } = upstream;

        public void CountRequest() => Interlocked.Increment(ref _requests);

        public void CountFailedBefore() => Interlocked.Increment(ref _failedBefore);

        public void CountAppliedThenFailed() => Interlocked.Increment(ref _appliedThenFailed);

        public void CountDuringOutage() => Interlocked.Increment(ref _duringOutage);

        public ServiceFaultCounts Counts() => new(_requests, _failedBefore, _appliedThenFailed, _duringOutage);
    }
}
