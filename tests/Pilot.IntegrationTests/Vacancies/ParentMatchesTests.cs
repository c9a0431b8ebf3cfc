using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Validation;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Vacancies;

/// <summary>GET /api/parents/{id}/matches through its service on real Azurite.</summary>
public sealed class ParentMatchesTests
{
    [Fact]
    public async Task Matches_are_the_open_vacancies_that_fit_ranked_with_a_reason()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await VacancyScenario.JobSeekerAsync(services, acceptUnknownHours: true);
        await VacancyScenario.PostAsync(services,
            VacancyScenario.Vacancy("NEAR", postcode: VacancyScenario.Stockwell),
            VacancyScenario.Vacancy("FURTHER", postcode: VacancyScenario.Brixton),
            VacancyScenario.Vacancy("UNKNOWN-HOURS", postcode: VacancyScenario.Stockwell, hoursText: "Flexible hours"),
            VacancyScenario.Vacancy("TOO-LATE", hoursText: "Mon-Fri 4pm-9pm"),
            VacancyScenario.Vacancy("FAR", postcode: VacancyScenario.Blackpool),
            VacancyScenario.Vacancy("WRONG-FIELD", category: "construction", title: "Site manager"));

        var outcome = await services.Get<ParentMatches>().ForParentAsync(RoleKeys.LambethOffice, parent, CancellationToken.None);

        Assert.True(outcome.IsOk);
        var matches = outcome.Value!.Matches;
        Assert.Equal(["NEAR", "FURTHER", "UNKNOWN-HOURS"], matches.Select(m => m.Ref));
        Assert.Equal(1.3, matches[1].DistanceKm);
        Assert.Equal("1.3 km by bus, Mon-Fri 9:30-2:30 term time fits your Mon-Fri 9:00-3:00", matches[1].Reason);
        Assert.Contains("hours not stated", matches[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_hours_match_only_parents_who_accept_them()
    {
        await using var services = await PilotServices.StartAsync();
        var strict = await VacancyScenario.JobSeekerAsync(services, acceptUnknownHours: false);
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("UNKNOWN-HOURS", hoursText: "Hours to be agreed"));

        var outcome = await services.Get<ParentMatches>().ForParentAsync(RoleKeys.LambethOffice, strict, CancellationToken.None);

        Assert.Empty(outcome.Value!.Matches);
    }

    [Fact]
    public async Task A_parent_without_a_job_search_is_a_conflict_and_an_unknown_one_not_found()
    {
        await using var services = await PilotServices.StartAsync();
        var remindersOnly = await Scenario.ParentAsync(services);

        var conflict = await services.Get<ParentMatches>().ForParentAsync(RoleKeys.LambethOffice, remindersOnly, CancellationToken.None);
        var missing = await services.Get<ParentMatches>().ForParentAsync(RoleKeys.LambethOffice, "nobody", CancellationToken.None);

        Assert.Equal(OutcomeKind.Conflict, conflict.Kind);
        Assert.Equal(OutcomeKind.NotFound, missing.Kind);
    }
}
