using System.Text.Json;
using Azure.Data.Tables;
using Pilot.Shared;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Vacancies;

/// <summary>Job-seeking parents, vacancy batches and one alert cycle, through the real services on Azurite.</summary>
public static class VacancyScenario
{
    /// <summary>Stockwell, Lambeth (SW9 9TN's sector centroid).</summary>
    public const string Stockwell = "SW9 9TN";

    /// <summary>Brixton, about 1.5 km from Stockwell.</summary>
    public const string Brixton = "SW2 1RW";

    /// <summary>Blackpool: far from London, so never read for a London vacancy.</summary>
    public const string Blackpool = "FY1 3AE";

    public static async Task<string> JobSeekerAsync(
        PilotServices services,
        string postcode = Stockwell,
        string mode = AlertModes.Immediate,
        int maxPerWeek = 5,
        double maxTravelKm = 5,
        bool optIn = true,
        bool acceptUnknownHours = false,
        string mobile = "07700 900123",
        string from = "09:00",
        string to = "15:00")
    {
        ArgumentNullException.ThrowIfNull(services);
        var outcome = await services.Get<ParentRegistration>().RegisterAsync(RoleKeys.LambethOffice, Request(postcode, mode, maxPerWeek, maxTravelKm, optIn, acceptUnknownHours, mobile, from, to), CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!.Id;
    }

    public static RegisterParentRequest Request(
        string postcode = Stockwell,
        string mode = AlertModes.Immediate,
        int maxPerWeek = 5,
        double maxTravelKm = 5,
        bool optIn = true,
        bool acceptUnknownHours = false,
        string mobile = "07700 900123",
        string from = "09:00",
        string to = "15:00")
        => new(
            "Amina",
            mobile,
            new AddressRequest(["12 Road"], postcode),
            "en",
            new ConsentsRequest(true),
            Availability: [new WeeklyWindowRequest(["Mon", "Tue", "Wed", "Thu", "Fri"], from, to)],
            MaxTravelKm: maxTravelKm,
            TravelMode: "bus",
            JobInterests: new JobInterestsRequest(["education", "cleaning"], ["assistant"]),
            AcceptUnknownHours: acceptUnknownHours,
            Alerts: new AlertsRequest(optIn, maxPerWeek, mode));

    public static Dictionary<string, object?> Vacancy(
        string reference,
        string postcode = Brixton,
        string hoursText = "Mon-Fri 9.30am-2.30pm, term time only",
        string title = "Teaching assistant",
        string category = "education",
        string? expiryDate = "2026-03-20")
        => new()
        {
            ["ref"] = reference,
            ["title"] = title,
            ["employer"] = "Oakfield Primary School",
            ["postcode"] = postcode,
            ["hoursText"] = hoursText,
            ["category"] = category,
            ["expiryDate"] = expiryDate,
            ["salary"] = new Dictionary<string, object?> { ["min"] = 11.5, ["max"] = 12.5, ["period"] = "hour" },
            ["apply"] = new Dictionary<string, object?> { ["url"] = "https://oakfield.example.org/jobs" },
        };

    public static async Task<VacancyBatchResult> PostAsync(PilotServices services, params object[] items)
    {
        ArgumentNullException.ThrowIfNull(services);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { vacancies = items }, JsonDefaults.Web);
        var outcome = await services.Get<VacancyIngestion>().IngestJsonAsync(body, CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }

    /// <summary>Lets the feed minute finish, runs the alert timer, then the reminder dispatch tick.</summary>
    public static async Task<AlertRunResult> PlanAsync(PilotServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Time.Advance(TimeSpan.FromMinutes(5));
        var run = await services.Get<VacancyAlertPlanner>().RunAsync(CancellationToken.None);
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        return run;
    }

    /// <summary>Dispatch ticks until the cursor reaches now (one tick reads at most Reminders:MaxMinutesPerTick minutes).</summary>
    public static async Task DispatchUpToNowAsync(PilotServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var dispatcher = services.Get<DueReminderDispatcher>();
        var now = Pilot.Shared.Sms.Outbound.DueBuckets.LastDueMinute(services.Time.GetUtcNow());
        for (var tick = 0; tick < 20; tick++)
        {
            if ((await dispatcher.DispatchDueAsync(CancellationToken.None)).ReadUpTo >= now)
            {
                return;
            }
        }
    }

    public static async Task<List<TableEntity>> AllAsync(PilotServices services, string table)
    {
        ArgumentNullException.ThrowIfNull(services);
        var client = await services.Get<StorageClients>().TableAsync(table);
        var all = new List<TableEntity>();
        await foreach (var entity in client.QueryAsync<TableEntity>())
        {
            all.Add(entity);
        }

        return all;
    }
}
