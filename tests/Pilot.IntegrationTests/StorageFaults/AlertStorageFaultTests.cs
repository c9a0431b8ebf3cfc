using Pilot.FaultRun.StorageFaults;
using Pilot.IntegrationTests.Vacancies;
using Pilot.Shared.Storage;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.StorageFaults;

/// <summary>
/// Each write of planning a vacancy alert applied by storage but its answer lost (the SDK's retry then meets its own
/// write), through the fault proxy in front of Azurite: the alert is still written once and sent once.
/// </summary>
public sealed class AlertStorageFaultTests
{
    public static TheoryData<string, string, string> PlanningWrites => new()
    {
        { "the ledger's claim (a transaction)", "POST", "$batch" },
        { "the alert's text", "POST", TableNames.Texts },
        { "the alert cursor's first write", "POST", TableNames.Cursors },
    };

    [Theory]
    [MemberData(nameof(PlanningWrites))]
    public async Task A_vacancy_alert_whose_planning_write_was_applied_but_unanswered_is_sent_exactly_once(string step, string method, string path)
    {
        await Azurite.EnsureReachableAsync();
        await using var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = proxy.ConnectionString });
        await VacancyScenario.JobSeekerAsync(services);
        await SendQueueReader.DrainAsync(services); // nothing planned yet but what registering sends
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1"));
        proxy.Tables.Target(new TargetedFault(method, path, TargetedFaultKind.AppliedThenDropped));

        // The alert timer's runs, each followed by the dispatch tick and the queue function.
        var outcomes = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            try
            {
                outcomes.Add($"run planned {(await VacancyScenario.PlanAsync(services)).Alerts}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcomes.Add($"run failed {ex.GetType().Name}"); // the timer runs again
            }

            outcomes.AddRange((await SendQueueReader.DrainAsync(services)).Select(o => o.ToString()));
        }

        Assert.True(proxy.Counts[StorageService.Tables].AppliedThenFailed == 1, $"{step}: the fault was not met ({string.Join(", ", outcomes)})");
        var alert = Assert.Single(await Outbox.AllAsync(services), o => o.GetString("Body").Contains("Teaching assistant", StringComparison.Ordinal));
        Assert.Contains("Oakfield Primary School", alert.GetString("Body"), StringComparison.Ordinal);
    }
}
