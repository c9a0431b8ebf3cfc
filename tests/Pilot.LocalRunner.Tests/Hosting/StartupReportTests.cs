using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Tests.Support;
using Pilot.Shared.Hosting;
using Pilot.TestSupport;

namespace Pilot.LocalRunner.Tests.Hosting;

public sealed class StartupReportTests
{
    [Fact]
    public async Task Every_embedded_default_is_logged_as_a_warning_at_start()
    {
        await using var runner = await TestRunner.StartAsync(
            ["SampleItem"],
            configure: builder =>
            {
                builder.Services.AddSingleton<ISampleGateway, SampleOutboxGateway>();
                builder.Services.AddSingleton<IEmbeddedDefault>(new SampleLetterBox());
            });

        var warnings = runner.Logs.At(LogLevel.Warning).Select(e => e.Message).ToList();

        Assert.Contains(warnings, m => m.Contains("Embedded default active: Sample outbox: texts are written to a folder"));
        Assert.Contains(warnings, m => m.Contains("Embedded default active: Sample letter box: letters stay on disk"));
    }

    [Fact]
    public async Task Every_function_is_logged_with_its_trigger_resolved()
    {
        await Azurite.EnsureReachableAsync();
        var queueName = Azurite.UniqueName("report");
        await using var runner = await TestRunner.StartAsync(
            ["SampleItem", "SampleTimer", "SampleOrderQueue"],
            new()
            {
                ["SampleTimerSchedule"] = "0 30 6 * * *",
                ["SampleOrderQueueName"] = queueName,
                ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            });

        var info = runner.Logs.At(LogLevel.Information).Select(e => e.Message).ToList();

        Assert.Contains(info, m => m.Contains("'SampleItem': HTTP GET /api/items/{id} (authorization level Function: keys checked, 1 configured)"));
        Assert.Contains(info, m => m.Contains("'SampleTimer': timer, schedule '0 30 6 * * *' (declared '%SampleTimerSchedule%'"));
        Assert.Contains(info, m => m.Contains($"'SampleOrderQueue': queue '{queueName}' (declared '%SampleOrderQueueName%'), connection AzureWebJobsStorage, poison queue '{queueName}-poison'"));
    }

    private interface ISampleGateway;

    private sealed class SampleOutboxGateway : ISampleGateway, IEmbeddedDefault
    {
        public string Name => "Sample outbox";

        public string Description => "texts are written to a folder";
    }

    private sealed class SampleLetterBox : IEmbeddedDefault
    {
        public string Name => "Sample letter box";

        public string Description => "letters stay on disk";
    }
}
