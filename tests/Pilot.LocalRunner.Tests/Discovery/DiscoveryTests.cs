using System.Net;
using System.Text.Json;
using Pilot.Functions.Health;
using Pilot.LocalRunner.Tests.Support;
using Pilot.TestSupport;

namespace Pilot.LocalRunner.Tests.Discovery;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Function_class_in_another_assembly_is_picked_up_with_no_change_to_the_runner()
    {
        await Azurite.EnsureReachableAsync();
        await using var runner = await TestRunner.StartAsync(
            ["Health", "SampleItem"],
            StorageForHealth(),
            assemblies: [typeof(HealthFunction).Assembly, typeof(DiscoveryTests).Assembly]);
        using var client = runner.CreateClient();

        using var health = await client.GetAsync("/api/health");
        using var sample = await client.GetAsync($"/api/items/{Guid.NewGuid()}");

        await AssertHealthyAsync(health);
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
    }

    [Fact]
    public async Task Functions_app_is_scanned_when_no_assemblies_are_given()
    {
        await Azurite.EnsureReachableAsync();
        await using var runner = await TestRunner.StartAsync(["Health"], StorageForHealth(), useRunnerDefaultAssemblies: true);
        using var client = runner.CreateClient();

        using var health = await client.GetAsync("/api/health");

        await AssertHealthyAsync(health);
    }

    [Fact]
    public void Unsupported_parameter_fails_start_up_naming_the_function_and_the_parameter()
    {
        var error = TestRunner.BuildFails(["SampleWithContext"]);

        var problem = Assert.Single(error.Problems);
        Assert.Contains("Function 'SampleWithContext'", problem);
        Assert.Contains("parameter 'context' of type FunctionContext is not supported", problem);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Unsupported_return_type_fails_start_up_naming_the_function()
    {
        var error = TestRunner.BuildFails(["SampleWithOutputReturn"]);

        Assert.Contains("Function 'SampleWithOutputReturn'", Assert.Single(error.Problems));
        Assert.Contains("return type String is not supported", error.Problems[0]);
    }

    [Fact]
    public async Task Function_left_out_of_host_json_functions_is_not_run()
    {
        await using var runner = await TestRunner.StartAsync(["SampleOrderNumber"]);
        using var client = runner.CreateClient();

        using var response = await client.GetAsync($"/api/items/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The Functions app's health check reads storage.
    private static Dictionary<string, string?> StorageForHealth() => new() { ["AzureWebJobsStorage"] = Azurite.ConnectionString };

    private static async Task AssertHealthyAsync(HttpResponseMessage health)
    {
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }
}
