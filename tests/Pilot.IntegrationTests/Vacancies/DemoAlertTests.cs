using Pilot.Shared.DemoData;
using Pilot.Shared.Reminders;

namespace Pilot.IntegrationTests.Vacancies;

public sealed class DemoAlertTests
{
    [Fact]
    public async Task The_demo_seed_leads_to_a_vacancy_alert_in_the_outbox_and_seeding_again_adds_none()
    {
        await using var services = await PilotServices.StartAsync(settings: WfiInvitations.WfiScenario.Settings()); // the demo seeds a WFI invitation too
        await services.Get<DemoSeeder>().SeedAsync(CancellationToken.None);

        var run = await VacancyScenario.PlanAsync(services);
        await SendQueueReader.DrainAsync(services);
        await services.Get<DemoSeeder>().SeedAsync(CancellationToken.None);
        var again = await VacancyScenario.PlanAsync(services);

        Assert.True(run.Alerts >= 1, $"{run.Alerts} alerts");
        Assert.Equal(0, again.Alerts);
        var alerts = (await Outbox.AllAsync(services)).Where(t => t.GetString("Body")!.Contains("JOBS OFF", StringComparison.Ordinal)).ToList();
        Assert.Contains(alerts, a => a.GetString("Body")!.Contains("Teaching assistant", StringComparison.Ordinal));
        Assert.Equal(run.Alerts, alerts.Count);
    }
}
