using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pilot.Shared;
using Pilot.Shared.DemoData;
using Pilot.Shared.Secrets;
using Pilot.Shared.Storage;
using Pilot.Shared.Venues;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests;

/// <summary>
/// The app's real services on real Azurite, isolated per test by a unique table prefix and queue
/// name, with a fake clock set to a weekday morning in London.
/// </summary>
public sealed class PilotServices : IAsyncDisposable
{
    public static readonly DateTimeOffset Morning = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private PilotServices(ServiceProvider provider, FakeTimeProvider time, string sendQueue)
    {
        Provider = provider;
        Time = time;
        SendQueue = sendQueue;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public string SendQueue { get; }

    /// <summary>The interactive lane's queue (a booking's confirmation, answers to a parent's text).</summary>
    public string InteractiveSendQueue => SendQueue + "-i";

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static async Task<PilotServices> StartAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        await Azurite.EnsureReachableAsync();
        var sendQueue = Azurite.UniqueName("send-");
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = Azurite.UniqueName("t"),
            ["Reminders:SendQueue"] = sendQueue,
            ["Reminders:InteractiveSendQueue"] = sendQueue + "-i",
            // Required secrets (the start-up check): the development value, as the local runner has it.
            ["Sms:NumberKeySecret"] = DevelopmentSecrets.ValueOf("Sms:NumberKeySecret"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(Morning);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(TestLog.Provider));
        services.AddSingleton<TimeProvider>(time);
        services.AddPilot(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await LoadPilotVenuesAsync(provider);
        return new PilotServices(provider, time, sendQueue);
    }

    /// <summary>The pilot venues, loaded as an operator's CSV is (every row must be accepted).</summary>
    public static async Task LoadPilotVenuesAsync(IServiceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var loaded = await provider.GetRequiredService<VenueCatalogue>().LoadAsync(DemoSeeder.PilotVenueRows(), CancellationToken.None);
        Assert.Empty(loaded.Rejected);
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
