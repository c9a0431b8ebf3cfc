using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.Shared;

namespace Pilot.TestSupport;

/// <summary>What the fault run and the load run share beside <see cref="RunnerProcess"/>: their own view of the storage, pacing and progress lines.</summary>
public static class Harness
{
    /// <summary>Pilot's services over these settings (the run's storage and names), silent: the runner's log is the one to read.</summary>
    public static ServiceProvider BuildServices(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddFilter(_ => false));
        services.AddSingleton(TimeProvider.System);
        services.AddPilot(configuration);
        return services.BuildServiceProvider();
    }

    public static async Task DelayUntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    public static string Elapsed(Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,5:F0} s");
    }

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static void Say(TextWriter progress, FormattableString line)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(line);
        progress.WriteLine(line.ToString(CultureInfo.InvariantCulture));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
