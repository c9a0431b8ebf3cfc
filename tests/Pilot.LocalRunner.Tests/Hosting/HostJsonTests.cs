using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Pilot.LocalRunner.Hosting;

namespace Pilot.LocalRunner.Tests.Hosting;

public sealed class HostJsonTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pilot-host-{Guid.NewGuid():N}.json");

    [Fact]
    public void Queue_settings_come_from_host_json_with_host_defaults_for_the_rest()
    {
        File.WriteAllText(_path, """{ "version": "2.0", "extensions": { "queues": { "batchSize": 10, "maxPollingInterval": "00:00:02" } } }""");

        var problems = new List<string>();
        var settings = HostJson.Read(Configuration(), problems);

        Assert.Empty(problems);
        Assert.Equal(_path, settings.Path);
        Assert.Equal("api", settings.RoutePrefix);
        Assert.Null(settings.Functions);
        Assert.Equal(10, settings.Queues.BatchSize);
        Assert.Equal(5, settings.Queues.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, settings.Queues.VisibilityTimeout);
        Assert.Equal(5, settings.Queues.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.Base64, settings.Queues.MessageEncoding);
    }

    [Fact]
    public void App_settings_under_AzureFunctionsJobHost_override_host_json()
    {
        File.WriteAllText(_path, """{ "extensions": { "queues": { "maxDequeueCount": 5 }, "http": { "routePrefix": "api" } } }""");

        var settings = HostJson.Read(
            Configuration(("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "2"), ("AzureFunctionsJobHost:extensions:http:routePrefix", "")),
            []);

        Assert.Equal(2, settings.Queues.MaxDequeueCount);
        Assert.Equal("", settings.RoutePrefix);
    }

    [Fact]
    public void Invalid_values_are_start_up_problems_naming_the_setting()
    {
        File.WriteAllText(_path, """{ "extensions": { "queues": { "batchSize": 64, "visibilityTimeout": "soon" } } }""");

        var problems = new List<string>();
        HostJson.Read(Configuration(), problems);

        Assert.Collection(
            problems,
            p => Assert.Contains("extensions:queues:batchSize is '64'", p),
            p => Assert.Contains("extensions:queues:visibilityTimeout is 'soon'", p));
    }

    [Fact]
    public void Host_json_path_setting_that_points_nowhere_is_a_start_up_problem()
    {
        var problems = new List<string>();
        HostJson.Read(Configuration(), problems);

        Assert.Contains(_path, Assert.Single(problems));
    }

    public void Dispose() => File.Delete(_path);

    private IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)).Append(KeyValuePair.Create(HostJson.PathSetting, (string?)_path)))
            .Build();
}
