using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Functions.Http;
using Pilot.IntegrationTests.BadInput;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;
using Xunit.Abstractions;

namespace Pilot.IntegrationTests.Access;

/// <summary>
/// Every HTTP endpoint, found from its <c>[HttpTrigger]</c>, called through the local runner on Azurite by every kind
/// of caller: no key, a wrong key, each role, and another office than the one that owns the records. The rows are
/// printed (test output, and <c>access-matrix.txt</c> in the test log folder, which <c>./test.sh</c> prints).
/// </summary>
public sealed class AccessMatrixTests(ITestOutputHelper output)
{
    private static readonly Caller Ealing = Caller.Office(RoleKeys.Ealing);
    private static readonly Caller Stockwell = Caller.Centre("cc-lambeth-stockwell");

    /// <summary>Who calls, in the order each endpoint is tried: the owner last, so a change it makes cannot hide a refusal.</summary>
    private static readonly (string Name, string? Key, Caller? Caller)[] Callers =
    [
        ("no key", null, null),
        ("wrong key", "not-a-key", null),
        ("feed", RoleKeys.Feed, Caller.Feed),
        ("operator", RoleKeys.Operator, Caller.Operator),
        ("centre:cc-lambeth-stockwell", RoleKeys.For(Stockwell), Stockwell),
        ("other office:jcp-ealing", RoleKeys.For(Ealing), Ealing),
        ("central", RoleKeys.Central, Caller.Central),
        ("owner office:jcp-lambeth", RoleKeys.For(RoleKeys.LambethOffice), RoleKeys.LambethOffice),
    ];

    /// <summary>Endpoints that remove or close what they are called on: each admitted caller gets records of its own.</summary>
    private static readonly HashSet<string> Destructive = new(StringComparer.Ordinal) { "EraseParent", "CancelAppointment", "CancelWfiInvitation" };

    [Fact]
    public void Every_keyed_http_function_declares_the_roles_it_admits_and_every_anonymous_one_why()
    {
        var undeclared = HttpEndpoint.All.Where(e => e.Level != Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous && e.Admits.Count == 0).Select(e => e.Name).ToList();
        // A page is anonymous to the Functions host (a browser sends no key) and admits its roles itself (PageGate).
        var unexplained = HttpEndpoint.All.Where(e => e.Level == Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous && string.IsNullOrWhiteSpace(e.PublicBecause) && e.Admits.Count == 0).Select(e => e.Name).ToList();
        var both = HttpEndpoint.All.Where(e => e.Admits.Count > 0 && e.PublicBecause is not null).Select(e => e.Name).ToList();

        Assert.True(undeclared.Count == 0, $"keyed functions admitting no role (add [Admits(...)]): {string.Join(", ", undeclared)}");
        Assert.True(unexplained.Count == 0, $"anonymous functions without [PublicEndpoint(why)]: {string.Join(", ", unexplained)}");
        Assert.True(both.Count == 0, $"functions both keyed by role and public: {string.Join(", ", both)}");
    }

    [Fact]
    public void The_gate_enforces_the_declaration_of_each_function_class_and_admits_no_one_without_one()
    {
        var classes = typeof(JsonBody).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(AdmitsAttribute), false).Length > 0))
            .ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, c => Assert.NotEmpty(AccessGate.AdmittedBy(c)));
        Assert.Empty(AccessGate.AdmittedBy(typeof(Pilot.Functions.Health.HealthFunction)));
    }

    [Fact]
    public void The_readme_lists_the_roles_each_endpoint_admits_as_declared()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("### Roles and keys", StringComparison.Ordinal)..];
        var rows = section.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\| `(GET|POST|PUT|PATCH|DELETE) /api/([^`]+)` \| ([a-z, ]+) \|$"))
            .Where(m => m.Success)
            .ToDictionary(m => $"{m.Groups[1].Value} {m.Groups[2].Value}", m => m.Groups[3].Value, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var endpoint in HttpEndpoint.All.Where(e => e.Admits.Count > 0))
        {
            var route = endpoint.Route.Split('?')[0];
            var declared = string.Join(", ", endpoint.Admits.Select(Caller.Name));
            var key = rows.Keys.FirstOrDefault(k => k == $"{endpoint.Methods[0]} {route}" || k.StartsWith($"{endpoint.Methods[0]} {route}?", StringComparison.Ordinal));
            if (key is null || rows[key] != declared)
            {
                missing.Add($"| `{endpoint.Methods[0]} /api/{route}` | {declared} | (README has: {(key is null ? "no row" : rows[key])})");
            }
        }

        Assert.True(missing.Count == 0, "README \"Roles and keys\" disagrees with the [Admits] declarations:\n" + string.Join("\n", missing));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pilot.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Pilot.Functions.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_roles_declare()
    {
        await using var runner = await LocalRunnerHost.StartAsync("access", WfiScenario.Settings());
        var shared = await SeedAsync(runner);
        using var http = new HttpClient { BaseAddress = new Uri(runner.Urls.Single() + "/api/") };
        var rows = new List<string>();
        var wrong = new List<string>();
        var seen = new Dictionary<(string Endpoint, string Caller), int>();

        var keyed = HttpEndpoint.All.Where(e => e.Admits.Count > 0).OrderBy(e => Destructive.Contains(e.Name)).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        foreach (var endpoint in keyed)
        {
            var sample = EndpointSamples.ByFunction[endpoint.Name];
            foreach (var (name, key, caller) in Callers)
            {
                var expected = Expected(endpoint, caller);
                var seeded = Destructive.Contains(endpoint.Name) && expected == Expectation.Admitted ? await SeedAsync(runner) : shared;
                using var request = Build(endpoint, sample, seeded, key, ValidBody(endpoint.Name, seeded));
                using var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                seen[(endpoint.Name, name)] = status;
                var ok = expected switch
                {
                    Expectation.Unauthorized => status == 401,
                    Expectation.Forbidden => status == 403,
                    Expectation.NotFound => status == 404,
                    _ => status is not (401 or 403) && status < 500,
                };
                var line = $"{endpoint.Methods[0],-6} /api/{endpoint.Route,-34} {name,-30} -> {status} (expected {Describe(expected)}){(ok ? "" : "  WRONG")}";
                rows.Add(line);
                if (!ok)
                {
                    wrong.Add(line + " " + Shorten(await response.Content.ReadAsStringAsync()));
                }
            }
        }

        foreach (var endpoint in HttpEndpoint.All.Where(e => e.Admits.Count == 0))
        {
            rows.Add($"{endpoint.Methods[0],-6} /api/{endpoint.Route,-34} {"anyone",-30} -> public: {endpoint.PublicBecause}");
        }

        Print(rows);
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from the declared roles:\n{string.Join("\n", wrong)}");

        // The points of the roles issue, checked by name so a change to a declaration cannot quietly pass them.
        Assert.Equal(403, seen[("PostVacancies", "owner office:jcp-lambeth")]);
        Assert.Equal(201, seen[("BookAppointment", "owner office:jcp-lambeth")]);
        Assert.Equal(202, seen[("CreateWfiInvitation", "owner office:jcp-lambeth")]);
        Assert.Equal(200, seen[("RescheduleAppointment", "owner office:jcp-lambeth")]);
        Assert.Equal(200, seen[("RecordWfiChoice", "owner office:jcp-lambeth")]);
        Assert.Equal(204, seen[("EraseParent", "owner office:jcp-lambeth")]);
        Assert.Equal(204, seen[("EraseParent", "central")]);
        Assert.Equal(200, seen[("PatchParent", "owner office:jcp-lambeth")]);
        Assert.Equal(202, seen[("SendParentLink", "owner office:jcp-lambeth")]);
        Assert.Equal(200, seen[("ParentConsolePage", "owner office:jcp-lambeth")]);

        // Another office's parent named in a body is no parent of theirs: 400 naming parentId, nothing booked or sent.
        Assert.Equal(400, seen[("BookAppointment", "other office:jcp-ealing")]);
        Assert.Equal(400, seen[("CreateWfiInvitation", "other office:jcp-ealing")]);
        foreach (var function in new[] { "GetParentMatches", "EraseParent", "PatchParent", "SendParentLink", "ParentConsolePage", "GetAppointment", "CancelAppointment", "RescheduleAppointment", "GetWfiInvitation" })
        {
            Assert.Equal(404, seen[(function, "other office:jcp-ealing")]);
        }

        Assert.All(keyed.Where(e => e.Name != "PostVacancies"), e => Assert.Equal(403, seen[(e.Name, "feed")]));
        Assert.NotEqual(403, seen[("PostVacancies", "feed")]);
        var centralWrites = keyed.Where(e => e.Methods[0] != "GET" && e.Name != "EraseParent").ToList();
        Assert.NotEmpty(centralWrites);
        Assert.All(centralWrites, e => Assert.Equal(403, seen[(e.Name, "central")]));
        Assert.All(keyed.Where(e => e.Name is not ("WfiTakeUp" or "TakeUpPage")), e => Assert.Equal(403, seen[(e.Name, "centre:cc-lambeth-stockwell")]));
        Assert.Equal(200, seen[("TakeUpPage", "centre:cc-lambeth-stockwell")]);
        Assert.Equal(401, seen[("TakeUpPage", "no key")]);
        Assert.All(keyed.Where(e => !e.Route.StartsWith("venues", StringComparison.Ordinal)), e => Assert.Equal(403, seen[(e.Name, "operator")]));
        Assert.Equal(201, seen[("PutVenue", "operator")]);
        Assert.Equal(403, seen[("PutVenue", "owner office:jcp-lambeth")]);
    }

    private enum Expectation
    {
        Unauthorized,
        Forbidden,
        NotFound,
        Admitted,
    }

    private static Expectation Expected(HttpEndpoint endpoint, Caller? caller)
    {
        if (caller is null)
        {
            return Expectation.Unauthorized;
        }

        if (!endpoint.Admits.Contains(caller.Role))
        {
            return Expectation.Forbidden;
        }

        // A record another office owns, named in the path, does not exist for this office.
        return caller == Ealing && endpoint.Route.Contains("{id}", StringComparison.Ordinal) ? Expectation.NotFound : Expectation.Admitted;
    }

    private static string Describe(Expectation expectation) => expectation switch
    {
        Expectation.Unauthorized => "401",
        Expectation.Forbidden => "403",
        Expectation.NotFound => "404",
        _ => "admitted",
    };

    /// <summary>
    /// Bodies the owner's request succeeds with, where the fuzzer's sample is deliberately bare or far in the future, so an
    /// "admitted" row is a real success and another office's refusal cannot be a complaint about the body.
    /// </summary>
    private static JsonNode? ValidBody(string function, SeededData seeded) => function switch
    {
        "BookAppointment" => new JsonObject { ["parentId"] = seeded.ParentId, ["venueId"] = Scenario.Centre, ["startsAt"] = Instant(NextWeekdayMorning(DateTimeOffset.UtcNow.AddDays(20))), ["kind"] = "adviser" },
        "RescheduleAppointment" => new JsonObject { ["startsAt"] = Instant(NextWeekdayMorning(DateTimeOffset.UtcNow.AddDays(40))) },
        // A week after the seeded invitation's: a day later could move on to the same next open day over a weekend (409).
        "CreateWfiInvitation" => JsonSerializer.SerializeToNode(WfiScenario.Request(seeded.ParentId, DateTimeOffset.UtcNow.AddDays(7)), JsonDefaults.Web),
        "RecordWfiChoice" => new JsonObject { ["option"] = "centre" },
        "RecordWfiAttendance" => new JsonObject { ["attended"] = true },
        "PatchParent" => new JsonObject { ["preferredLanguage"] = "pl" },
        _ => null,
    };

    private static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    private static HttpRequestMessage Build(HttpEndpoint endpoint, EndpointSample sample, SeededData seeded, string? key, JsonNode? valid)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Methods[0]), sample.Path(seeded));
        if (valid is not null)
        {
            request.Content = new StringContent(valid.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else if (sample.Format == BodyFormat.Csv && sample.CsvBody is { } csv)
        {
            request.Content = new StringContent(csv, Encoding.UTF8, "text/csv");
        }
        else if (sample.Format == BodyFormat.Json && sample.Body(seeded) is { } body)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return request;
    }

    /// <summary>A parent of Lambeth's, booked at a weekday centre appointment, and invited by Lambeth.</summary>
    private static async Task<SeededData> SeedAsync(WebApplication runner)
    {
        var parent = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        Assert.True(parent.IsOk, string.Join("; ", parent.Errors));
        var booked = await runner.Services.GetRequiredService<AppointmentBooking>().BookAsync(
            RoleKeys.LambethOffice,
            new BookAppointmentRequest(parent.Value!.Id, Scenario.Centre, NextWeekdayMorning(DateTimeOffset.UtcNow.AddDays(30)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), "adviser", "Priya S."),
            CancellationToken.None);
        Assert.True(booked.IsOk, string.Join("; ", booked.Errors));
        var invited = await runner.Services.GetRequiredService<WfiInvitationDesk>().CreateAsync(
            RoleKeys.LambethOffice, WfiScenario.Request(parent.Value.Id, DateTimeOffset.UtcNow), "api", CancellationToken.None);
        Assert.True(invited.IsOk, string.Join("; ", invited.Errors));
        return new SeededData(parent.Value.Id, booked.Value!.Id, invited.Value!.Id, "not-used");
    }

    /// <summary>10:30 on the first day from <paramref name="from"/> the Lambeth centre is open: a weekday, not an English bank holiday.</summary>
    /// <remarks>The CI run of 5 December 2026 booked 20 days ahead, Christmas Day, and was refused 400.</remarks>
    private static DateTimeOffset NextWeekdayMorning(DateTimeOffset from)
    {
        var day = from.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || BankHolidays.On(UkNation.England, DateOnly.FromDateTime(day)) is not null)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.AddHours(10).AddMinutes(30), TimeSpan.Zero);
    }

    private void Print(List<string> rows)
    {
        foreach (var row in rows)
        {
            output.WriteLine(row);
        }

        if (Environment.GetEnvironmentVariable(CapturingLoggerProvider.DirectoryVariable) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllLines(Path.Combine(directory, "access-matrix.txt"), rows);
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
