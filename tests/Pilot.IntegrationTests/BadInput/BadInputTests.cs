using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Choosing;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.BadInput;

/// <summary>
/// At least 1,000 generated bad requests to every HTTP function through the local runner: no 5xx,
/// every rejection a 4xx problem+json (naming the field where there is one), and nothing already
/// stored changes.
/// </summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Endpoints() => [.. HttpEndpoint.All.Select(e => e.Name)];

    [Fact]
    public void Every_http_function_has_a_sample_to_fuzz_from()
    {
        var missing = HttpEndpoint.All.Select(e => e.Name).Where(n => !EndpointSamples.ByFunction.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, $"Add a valid request to EndpointSamples for: {string.Join(", ", missing)}");
        Assert.True(HttpEndpoint.All.Count >= 11, $"found only {HttpEndpoint.All.Count} HTTP functions");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_thousand_bad_requests_get_4xx_problem_json_and_change_nothing(string function)
    {
        var endpoint = HttpEndpoint.All.Single(e => e.Name == function);
        var sample = EndpointSamples.ByFunction[function];
        var prefix = Azurite.UniqueName("fuzz");
        await using var runner = await LocalRunnerHost.StartAsync("fuzz", new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = prefix,
            ["Sms:PublicBaseUrl"] = Sms.TwilioTestSigner.PublicBaseUrl,
            ["Sms:Twilio:AuthToken"] = Sms.TwilioTestSigner.AuthToken,
            ["Sms:Acs:EventGridKey"] = BadRequestGenerator.EventGridKey,

            // Timers that would change stored rows on their own during the fuzzing run only once a year.
            ["Vacancies:AlertSchedule"] = "0 0 0 1 1 *",
            ["Wfi:DefaultSchedule"] = "0 0 0 1 1 *",
            // The dispatch tick moves its cursor every minute: a run crossing a minute saw a "changed" entity.
            ["Reminders:DispatchSchedule"] = "0 0 0 1 1 *",
            ["Wfi:TokenSigningKey"] = WfiInvitations.WfiScenario.SigningKey,
        });
        var seeded = await SeedAsync(runner);
        var requests = new BadRequestGenerator(endpoint, sample, seeded, seed: function.Length).Generate();
        var before = await StorageSnapshot.TakeAsync(prefix);

        using var http = new HttpClient { BaseAddress = new Uri(runner.Urls.Single() + "/api/") };
        var failures = new List<string>();
        foreach (var request in requests)
        {
            using var message = Build(request, endpoint);
            using var response = await http.SendAsync(message);
            var problem = await CheckAsync(request, response, sample);
            if (problem is not null)
            {
                failures.Add($"{request} -> {(int)response.StatusCode}: {problem} <- {Shorten(System.Text.Encoding.UTF8.GetString(request.Body ?? []))}");
            }
        }

        var changed = before.ChangedIn(await StorageSnapshot.TakeAsync(prefix));
        Assert.True(requests.Count >= BadRequestGenerator.Minimum, $"only {requests.Count} requests generated");
        var errors = TestLog.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains($"'{function}'", StringComparison.Ordinal)).Distinct().Take(5);
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} answers were wrong, e.g.:\n{string.Join("\n", failures.Take(25))}\nrunner errors:\n{string.Join("\n", errors)}");
        Assert.True(changed.Count == 0, $"stored entities changed: {string.Join(", ", changed.Take(10))}");
    }

    private static async Task<SeededData> SeedAsync(WebApplication runner)
    {
        var parent = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        var booked = await runner.Services.GetRequiredService<AppointmentBooking>().BookAsync(
            RoleKeys.LambethOffice,
            new BookAppointmentRequest(parent.Value!.Id, Scenario.Centre, Pilot.IntegrationTests.WfiInvitations.WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddDays(30)).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture), "wfi", "Priya S."),
            CancellationToken.None);

        // The confirmation goes out in the background: wait until it has, so only the fuzzing could change what is stored.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var view = await runner.Services.GetRequiredService<AppointmentBooking>().GetAsync(RoleKeys.LambethOffice, booked.Value!.Id, CancellationToken.None);
            if (view.Value!.Texts.Where(t => t.Kind == "confirmation").All(t => TextStates.IsFinal(t.State)))
            {
                break;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "the seeded appointment's confirmation was not sent within 30 s");
            await Task.Delay(200);
        }

        // An invitation whose letter has been posted, and the choice link printed in it.
        var invited = await runner.Services.GetRequiredService<WfiInvitationDesk>().CreateAsync(
            WfiInvitations.WfiScenario.LambethOffice,
            WfiInvitations.WfiScenario.Request(parent.Value.Id, DateTimeOffset.UtcNow),
            "api",
            CancellationToken.None);
        Assert.True(invited.IsOk, string.Join("; ", invited.Errors));
        var store = runner.Services.GetRequiredService<WfiInvitationStore>();
        WfiInvitationEntity? invitation;
        while ((invitation = await store.GetAsync(WfiInvitations.WfiScenario.Lambeth, invited.Value!.Id, CancellationToken.None))!.Status != "posted")
        {
            Assert.True(DateTimeOffset.UtcNow < deadline.AddSeconds(30), $"the seeded invitation's letter was not posted within 60 s (status {invitation.Status})");
            await Task.Delay(200);
        }

        var token = ChoiceToken.Create(invitation.Reference, invitation.Id, RespondByDate.EndOf(invitation.RespondBy), System.Text.Encoding.UTF8.GetBytes(WfiInvitations.WfiScenario.SigningKey));
        await WaitForQuietAsync(runner);
        return new SeededData(parent.Value.Id, booked.Value.Id, invitation.Id, token)
        {
            ParentToken = runner.Services.GetRequiredService<Pilot.Shared.Parents.OwnPage.ParentLinks>().TokenFor(parent.Value.Id, DateTimeOffset.UtcNow.AddDays(7)),
        };
    }

    /// <summary>Lets the companion text and any other background work finish before the snapshot.</summary>
    private static async Task WaitForQuietAsync(WebApplication runner)
    {
        _ = runner;
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    private static HttpRequestMessage Build(BadRequest request, HttpEndpoint endpoint)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(request.PathAndQuery, UriKind.Relative));
        if (request.Body is not null)
        {
            HttpContent content = request.Headers?.ContainsKey("x-fuzz-chunked") == true
                ? new StreamContent(new MemoryStream(request.Body))
                : new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }

            message.Content = content;
        }

        // Keyed endpoints get the key of the first role they admit unless the request carries its own (a wrong one, say).
        if (endpoint.Admits.Count > 0 && request.Headers?.ContainsKey("x-functions-key") != true)
        {
            message.Headers.Add("x-functions-key", RoleKeys.For(endpoint.Admits[0] == Role.Office ? RoleKeys.LambethOffice : endpoint.Admits[0] == Role.Centre ? Caller.Centre("cc-lambeth-stockwell") : new Caller(endpoint.Admits[0], null)));
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            if (name != "x-fuzz-chunked")
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>Null when the answer is right for the request; otherwise what is wrong with it.</summary>
    private static async Task<string?> CheckAsync(BadRequest request, HttpResponseMessage response, EndpointSample sample)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"server error {Shorten(body)}";
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 400 && mediaType != "application/problem+json" && !(sample.HtmlErrors && mediaType == "text/html"))
        {
            return $"a {status} without problem+json ({response.Content.Headers.ContentType?.MediaType ?? "no body"})";
        }

        if (status == 202 && request.Field is { } itemField && sample.ItemsField is { } items && itemField.StartsWith(items + "[", StringComparison.Ordinal))
        {
            return ItemRejected(body, itemField[(itemField.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart('.'))
                ? null
                : request.Expect == Expect.NoFailure ? null : $"202 without the item rejected for '{itemField}': {Shorten(body)}";
        }

        switch (request.Expect)
        {
            case Expect.Rejected when status < 400:
                return $"accepted ({Shorten(body)})";
            case Expect.RejectedNamingField when status != 400:
                return $"expected 400 naming '{request.Field}' ({Shorten(body)})";
            case Expect.RejectedNamingField when !NamesField(body, request.Field!):
                return $"400 does not name '{request.Field}': {Shorten(body)}";
            case Expect.NoFailure when status == 400 && request.Field is not null && !NamesAnyField(body):
                return $"400 names no field: {Shorten(body)}";
            case Expect.Accepted when status is < 200 or >= 300:
                return $"pasted value refused: {Shorten(body)}";
            case Expect.Accepted when sample.Format == BodyFormat.Csv && PastedRowProblem(body, request.Field!) is { } problem:
                return $"{problem}: {Shorten(body)}";
            default:
                return null;
        }
    }

    private static bool NamesField(string body, string field) => Fields(body).Any(f =>
        f == field || f.StartsWith(field + ".", StringComparison.Ordinal) || f.StartsWith(field + "[", StringComparison.Ordinal));

    /// <summary>The batch answer's first item is rejected, naming <paramref name="field"/> (or the item as a whole).</summary>
    private static bool ItemRejected(string body, string field)
    {
        using var document = JsonDocument.Parse(body);
        var item = document.RootElement.GetProperty("items")[0];
        if (item.GetProperty("status").GetString() != "rejected" || !item.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var names = errors.EnumerateObject().Select(p => p.Name).ToList();
        return field.Length == 0
            ? names.Count > 0
            : names.Any(n => n == field || n == "body" || n.StartsWith(field + ".", StringComparison.Ordinal) || n.StartsWith(field + "[", StringComparison.Ordinal) || field.StartsWith(n + ".", StringComparison.Ordinal) || field.StartsWith(n + "[", StringComparison.Ordinal));
    }

    private static bool NamesAnyField(string body) => Fields(body).Count > 0;

    /// <summary>
    /// Null when every row of a CSV batch registered its parent (accepted, or refused with a parentId: the sample's
    /// invitation dates may be refused, which says nothing of the parent's details) and none was refused naming the
    /// pasted column; otherwise what went wrong.
    /// </summary>
    private static string? PastedRowProblem(string body, string column)
    {
        using var document = JsonDocument.Parse(body);
        foreach (var row in document.RootElement.GetProperty("rejected").EnumerateArray())
        {
            if (row.GetProperty("errors").EnumerateObject().Any(e => e.Name == column))
            {
                return $"pasted row refused for {column}";
            }

            if (!row.TryGetProperty("parentId", out var parentId) || parentId.ValueKind != JsonValueKind.String)
            {
                return "pasted row's parent not registered";
            }
        }

        return null;
    }

    private static List<string> Fields(string body)
    {
        // A page names its fields in the GOV.UK error summary: each message links to its field (#from).
        if (body.StartsWith('<'))
        {
            var summary = body.IndexOf("govuk-error-summary__list", StringComparison.Ordinal);
            return summary < 0 ? [] : [.. System.Text.RegularExpressions.Regex.Matches(body[summary..body.IndexOf("</ul>", summary, StringComparison.Ordinal)], "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value)];
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().Select(p => p.Name).ToList()
            : [];
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
