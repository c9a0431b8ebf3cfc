using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pilot.Functions.Health;
using Pilot.Shared;
using Pilot.Shared.Storage;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Health;

/// <summary>The health function with the real storage clients, pointed at Azurite and at a port nothing listens on.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_answers_503_storage_unreachable_within_seconds_when_storage_refuses_connections()
    {
        var function = new HealthFunction(Storage(ClosedPortConnectionString()));
        var clock = Stopwatch.StartNew();

        var result = await function.Run(new DefaultHttpContext().Request, CancellationToken.None);

        clock.Stop();
        var answer = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.StatusCode);
        Assert.Equal("""{"status":"unhealthy","storage":"unreachable"}""", JsonSerializer.Serialize(answer.Value, JsonDefaults.Web));
        Assert.True(clock.Elapsed < HealthFunction.StorageTimeout + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Health_answers_200_when_storage_answers()
    {
        await Azurite.EnsureReachableAsync();
        var function = new HealthFunction(Storage(Azurite.ConnectionString));

        var result = await function.Run(new DefaultHttpContext().Request, CancellationToken.None);

        Assert.Equal(StatusCodes.Status200OK, Assert.IsType<OkObjectResult>(result).StatusCode);
    }

    [Fact]
    public async Task A_health_check_the_caller_abandons_is_not_reported_as_storage_unhealthy()
    {
        var function = new HealthFunction(Storage(ClosedPortConnectionString()));
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => function.Run(new DefaultHttpContext().Request, gone.Token));
    }

    private static StorageClients Storage(string connectionString)
        => new(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageClients.ConnectionSetting] = connectionString }).Build(),
            Options.Create(new StorageOptions()),
            new StorageRequestCounter());

    /// <summary>Azurite's connection string with every endpoint on a port that was free a moment ago and is closed now.</summary>
    private static string ClosedPortConnectionString()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return Regex.Replace(Azurite.ConnectionString, @"(https?://[^/;:]+):\d+", $"$1:{port}", RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
