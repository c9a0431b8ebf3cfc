using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pilot.Shared.DemoData;
using Pilot.Shared.Time;
using Pilot.Shared.Venues;

namespace Pilot.LoadRun;

/// <summary>The local runner's HTTP API as the load run calls it: what an office (with the parent's office key) and the vacancy feed (the feed key) send.</summary>
internal sealed class PilotClient(HttpClient http, string feedKey) : IDisposable
{
    private static readonly string[] EveryDay = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] WeekDays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    /// <summary>A parent with reminders on and vacancy alerts on (immediate), looking for jobs tagged with their own keyword.</summary>
    public async Task<string> RegisterParentAsync(LoadParent parent, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["firstName"] = "Parent",
            ["lastName"] = string.Create(CultureInfo.InvariantCulture, $"Load{parent.Index:D4}"),
            ["mobile"] = parent.Mobile,
            ["address"] = new JsonObject
            {
                ["lines"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"{1 + parent.Index % 200} Load Street"), parent.Town),
                ["postcode"] = parent.Postcode,
            },
            ["preferredLanguage"] = "en",
            ["consents"] = new JsonObject { ["reminders"] = true },
            ["availability"] = new JsonArray(new JsonObject { ["days"] = Array(EveryDay), ["from"] = "07:00", ["to"] = "20:00" }),
            ["maxTravelKm"] = 10,
            ["travelMode"] = "car",
            ["jobInterests"] = new JsonObject { ["keywords"] = new JsonArray(parent.Keyword) },
            ["alerts"] = new JsonObject { ["optIn"] = true, ["maxPerWeek"] = 20, ["mode"] = "immediate" },
        };
        var answer = await PostAsync("parents", body, OfficeKeys.KeyOf(parent.OfficeId), ct);
        return answer["id"]!.GetValue<string>();
    }

    /// <summary>
    /// A short-notice appointment (within two hours, when the centre is open then): booking plans only the confirmation,
    /// due now and queued at once. Run while the centres are closed, it is the next opening and reminders are planned too.
    /// </summary>
    public async Task<(string AppointmentId, DateTimeOffset DueAt)> BookShortNoticeAsync(LoadParent parent, string parentId, DateTimeOffset startsAt, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["parentId"] = parentId,
            ["venueId"] = parent.CentreId,
            ["startsAt"] = Text(startsAt),
            ["kind"] = "adviser",
        };
        var answer = await PostAsync("appointments", body, OfficeKeys.KeyOf(parent.OfficeId), ct);
        var confirmation = answer["reminders"]!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == MessageKinds.Confirmation)!;
        return (answer["id"]!.GetValue<string>(), DateTimeOffset.Parse(confirmation["dueAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    /// <summary>A batch of vacancies, each tagged with one parent's keyword at that parent's postcode, so each makes exactly one alert.</summary>
    public async Task PostVacanciesAsync(IReadOnlyList<(string Ref, LoadParent For)> vacancies, DateOnly expiry, CancellationToken ct)
    {
        var items = new JsonArray();
        foreach (var (reference, parent) in vacancies)
        {
            items.Add(new JsonObject
            {
                ["ref"] = reference,
                ["title"] = "Teaching assistant",
                ["employer"] = "Load Primary School",
                ["postcode"] = parent.Postcode,
                ["hoursText"] = "Mon-Fri 10am-2pm",
                ["weeklyPattern"] = new JsonArray(new JsonObject { ["days"] = Array(WeekDays), ["from"] = "10:00", ["to"] = "14:00" }),
                ["hoursPerWeek"] = 20,
                ["termTimeOnly"] = false,
                ["category"] = "education",
                ["keywords"] = new JsonArray(parent.Keyword),
                ["expiryDate"] = expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["apply"] = new JsonObject { ["url"] = "https://school.example.org/jobs" },
            });
        }

        var answer = await PostAsync("vacancies", new JsonObject { ["vacancies"] = items }, feedKey, ct);
        var rejected = answer["rejected"]!.GetValue<int>();
        if (rejected > 0)
        {
            throw new InvalidOperationException($"{rejected} load vacancies were rejected: {answer["items"]!.ToJsonString()}");
        }
    }

    /// <summary>
    /// A WFI invitation from the parent's Jobcentre office, with its office key: its letter job is queued. The
    /// <paramref name="nth"/> invitation of the run offers its own times (the service refuses the same office inviting
    /// the same parent to the same two appointments twice).
    /// </summary>
    public async Task<(string Id, string Reference)> InviteAsync(LoadParent parent, string parentId, DateOnly today, int nth, CancellationToken ct)
    {
        // From 10:00 London, a minute apart for four hours, then the same on the venue's next open day, from three weeks
        // ahead: every invitation of an office gets its own two times. Closed days and bank holidays are skipped, not
        // moved to an opening time, which gave two invitations to one parent the same two times (the second refused 409).
        ArgumentNullException.ThrowIfNull(parent);
        var minutes = nth % 240;
        var jobcentre = OpenDayAt(parent.OfficeId, today.AddDays(21), minutes, nth / 240);
        var centre = OpenDayAt(parent.CentreId, DateOnly.FromDateTime(LondonTime.ToLocal(jobcentre).DateTime).AddDays(1), minutes, 0);
        var body = new JsonObject
        {
            ["parentId"] = parentId,
            ["options"] = new JsonObject
            {
                ["jobcentre"] = new JsonObject { ["startsAt"] = Text(jobcentre) },
                ["centre"] = new JsonObject { ["startsAt"] = Text(centre), ["venueId"] = parent.CentreId },
            },
            ["respondBy"] = today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var answer = await PostAsync("wfi-invitations", body, OfficeKeys.KeyOf(parent.OfficeId), ct);
        return (answer["id"]!.GetValue<string>(), answer["reference"]!.GetValue<string>());
    }

    private async Task<JsonNode> PostAsync(string route, JsonObject body, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/{route} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? throw new JsonException($"POST /api/{route} answered no JSON");
    }

    private static JsonArray Array(string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static readonly Lazy<Dictionary<string, Venue>> Venues = new(() => DemoSeeder.PilotVenues().ToDictionary(v => v.Id, StringComparer.Ordinal));

    /// <summary>The first time at or after <paramref name="wanted"/> the pilot venue is open (appointments outside its hours are refused).</summary>
    public static DateTimeOffset OpenFrom(string venueId, DateTimeOffset wanted)
        => VenueHours.NextOpenAt(Venues.Value[venueId], wanted) ?? throw new InvalidOperationException($"{venueId} is never open.");

    /// <summary>10:00 London plus the minutes on the venue's open day after <paramref name="openDaysToSkip"/> others from <paramref name="from"/>.</summary>
    private static DateTimeOffset OpenDayAt(string venueId, DateOnly from, int minutesAfterTen, int openDaysToSkip)
    {
        var seen = 0;
        for (var day = from; day < from.AddDays(400); day = day.AddDays(1))
        {
            var at = At(day, minutesAfterTen);
            if (OpenFrom(venueId, at) == at && seen++ == openDaysToSkip)
            {
                return at;
            }
        }

        return OpenFrom(venueId, At(from, minutesAfterTen));
    }

    private static DateTimeOffset At(DateOnly day, int minutesAfterTen) => LondonTime.FromLocal(day.ToDateTime(new TimeOnly(10, 0))).AddMinutes(minutesAfterTen);

    private static string Text(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public void Dispose() => http.Dispose();
}
