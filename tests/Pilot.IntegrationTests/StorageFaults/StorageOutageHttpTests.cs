using System.Net;
using Pilot.FaultRun.StorageFaults;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.StorageFaults;

/// <summary>HTTP answers while storage is down: 503 problem+json with Retry-After, never a 500 (found by the fault run's outage).</summary>
public sealed class StorageOutageHttpTests
{
    [Fact]
    public async Task A_request_during_a_storage_outage_is_answered_503_problem_json_with_Retry_After_and_after_it_as_usual()
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        await using var runner = await LocalRunnerHost.StartAsync("outage", new Dictionary<string, string?> { ["AzureWebJobsStorage"] = proxy.ConnectionString });
        using var office = LocalRunnerHost.Client(runner, RoleKeys.Office(RoleKeys.Lambeth));
        var missing = "appointments/" + Guid.NewGuid().ToString("N");

        proxy.BeginOutage();
        using var during = await office.GetAsync(new Uri(missing, UriKind.Relative));
        proxy.EndOutage();
        using var after = await office.GetAsync(new Uri(missing, UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(10), during.Headers.RetryAfter?.Delta);
        Assert.True(proxy.Counts[StorageService.Tables].DuringOutage > 0);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }
}
