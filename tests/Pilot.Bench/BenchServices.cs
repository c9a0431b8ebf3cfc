using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.Shared;
using Pilot.Shared.Secrets;

namespace Pilot.Bench;

internal static class BenchServices
{
    public static string Storage => Environment.GetEnvironmentVariable("PILOT_TEST_STORAGE")
        ?? throw new InvalidOperationException("PILOT_TEST_STORAGE is not set: run the bench with ./bench.sh, which starts Azurite.");

    public static Dictionary<string, string?> Settings(string name) => new()
    {
        ["AzureWebJobsStorage"] = Storage,
        ["Storage:TablePrefix"] = "bench" + name + Guid.NewGuid().ToString("N")[..8],
        ["Reminders:SendQueue"] = "bench-" + name + "-" + Guid.NewGuid().ToString("N")[..8],
        ["Reminders:InteractiveSendQueue"] = "bench-" + name + "-" + Guid.NewGuid().ToString("N")[..8] + "-i",
        ["Wfi:LetterQueue"] = "bench-wfi-" + name + "-" + Guid.NewGuid().ToString("N")[..8],
        ["Wfi:DefaultSchedule"] = "0 0 0 1 1 *",
        // The bench measures throughput, not the clock: no quiet hours.
        ["Sms:QuietHoursStart"] = "00:00",
        ["Sms:QuietHoursEnd"] = "00:00",
        ["Sms:NumberKeySecret"] = DevelopmentSecrets.ValueOf("Sms:NumberKeySecret"),
    };

    public static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddFilter(_ => false));
        services.AddSingleton(time);
        services.AddPilot(configuration);
        return services.BuildServiceProvider();
    }
}
