using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Choosing;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.WfiInvitations;

/// <summary>The WFI endpoints over HTTP through the local runner on Azurite, with the offices' keys.</summary>
public sealed class WfiHttpTests
{
    [Fact]
    public async Task Offices_see_and_act_on_only_their_own_invitations()
    {
        await using var runner = await StartAsync();
        using var http = Client(runner);
        var parent = await RegisterAsync(runner);
        var body = WfiScenario.Request(parent, DateTimeOffset.UtcNow);

        var noKey = await http.PostAsJsonAsync("wfi-invitations", body, JsonDefaults.Web);
        var unknownKey = await http.SendAsync(Post("wfi-invitations", "not-a-key", body));
        var otherOffice = await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, body with { JobcentreOfficeId = WfiScenario.Ealing }));
        var created = await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, body));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherOffice.StatusCode);
        Assert.True((await Json(otherOffice)).GetProperty("errors").TryGetProperty("jobcentreOfficeId", out _));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetString()!;

        var ealingGet = await http.SendAsync(Get($"wfi-invitations/{id}", WfiScenario.EalingKey));
        var ealingCancel = await http.SendAsync(Post($"wfi-invitations/{id}/cancel", WfiScenario.EalingKey, new { }));
        var ealingChoice = await http.SendAsync(Post($"wfi-invitations/{id}/choice", WfiScenario.EalingKey, new { option = "centre" }));
        Assert.All([ealingGet, ealingCancel, ealingChoice], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));

        var posted = await WaitForStatusAsync(http, id, WfiInvitationStatuses.Posted);
        Assert.Equal("print-batch", posted.GetProperty("letter").GetProperty("channel").GetString());
        Assert.Equal("sent", posted.GetProperty("letter").GetProperty("companionText").GetString());
        Assert.Equal(JsonValueKind.Null, posted.GetProperty("choice").ValueKind);
        var central = await http.SendAsync(Get($"wfi-invitations/{id}", WfiScenario.CentralKey));
        Assert.Equal(HttpStatusCode.OK, central.StatusCode);
        Assert.Equal(WfiScenario.Lambeth, (await Json(central)).GetProperty("jobcentreOfficeId").GetString());
    }

    [Fact]
    public async Task A_bulk_file_sends_its_good_rows_and_returns_the_bad_ones_with_reasons()
    {
        await using var runner = await StartAsync();
        using var http = Client(runner);
        var parent = await RegisterAsync(runner);
        var now = DateTimeOffset.UtcNow;
        var options = WfiScenario.Request(parent, now).Options!;
        var jobcentre = options.Jobcentre!.StartsAt;
        var centre = options.Centre!.StartsAt;
        var respondBy = RespondByDate.Text(RespondByDate.LondonDate(now.AddDays(5)));
        var csv = new StringBuilder()
            .Append("parentId,firstName,lastName,mobile,addressLine1,addressLine2,postcode,jobcentreStartsAt,centreStartsAt,respondBy\r\n")
            .Append(CultureInfo.InvariantCulture, $"{parent},,,,,,,{jobcentre},{centre},{respondBy}\r\n")
            .Append(CultureInfo.InvariantCulture, $",Grace,Mensah,07700 900456,\"Flat 2, 40 Brixton Hill\",London,SW2 1QS,{jobcentre},{centre},{respondBy}\r\n")
            .Append(CultureInfo.InvariantCulture, $",Tom,Byrne,01632 960000,1 Acre Lane,London,SW2 5SP,{jobcentre},{centre},{respondBy}\r\n")
            .Append(CultureInfo.InvariantCulture, $"{parent},,,,,,,{jobcentre},{centre},next week\r\n")
            .Append(CultureInfo.InvariantCulture, $"no-such-parent,,,,,,,{jobcentre},{centre},{respondBy}\r\n")
            .ToString();

        var response = await http.SendAsync(PostCsv("wfi-invitations/bulk", WfiScenario.LambethKey, csv));
        var badHeader = await http.SendAsync(PostCsv("wfi-invitations/bulk", WfiScenario.LambethKey, "parentId,shoeSize\r\nx,9\r\n"));
        var noKey = await http.SendAsync(PostCsv("wfi-invitations/bulk", null, csv));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var result = await Json(response);
        var accepted = result.GetProperty("accepted").EnumerateArray().ToList();
        Assert.Equal([2, 3], accepted.Select(a => a.GetProperty("line").GetInt32()));
        Assert.All(accepted, a => Assert.StartsWith("WFI-", a.GetProperty("reference").GetString(), StringComparison.Ordinal));
        var registered = await runner.Services.GetRequiredService<ParentStore>().GetAsync(accepted[1].GetProperty("parentId").GetString()!, CancellationToken.None);
        Assert.Equal("Grace Mensah", registered!.FullName);
        var rejected = result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("errors"));
        Assert.Equal([4, 5, 6], rejected.Keys.Order());
        Assert.True(rejected[4].TryGetProperty("mobile", out _));
        Assert.True(rejected[5].TryGetProperty("respondBy", out _));
        Assert.True(rejected[6].TryGetProperty("parentId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badHeader.StatusCode);
        Assert.Contains("shoeSize", (await Json(badHeader)).GetProperty("errors").GetProperty("header")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        var otherOffice = await http.SendAsync(Get($"wfi-invitations/{accepted[0].GetProperty("id").GetString()}", WfiScenario.EalingKey));
        Assert.Equal(HttpStatusCode.NotFound, otherOffice.StatusCode);
    }

    [Fact]
    public async Task The_same_invitation_sent_twice_or_in_a_file_sent_twice_is_refused_naming_the_first_and_posts_one_letter()
    {
        // Before: each copy made an invitation of its own, and the parent was posted a letter for each.
        await using var runner = await StartAsync();
        using var http = Client(runner);
        var parent = await RegisterAsync(runner);
        var now = DateTimeOffset.UtcNow;
        var body = WfiScenario.Request(parent, now);

        var first = await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, body));
        var again = await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, body));
        var otherTimes = await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, WfiScenario.Shifted(body, 30)));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var made = await Json(first);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var problem = await Json(again);
        Assert.Contains(made.GetProperty("reference").GetString()!, problem.GetProperty("errors").GetProperty("parentId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(made.GetProperty("id").GetString(), problem.GetProperty("invitationId").GetString());
        Assert.Equal(made.GetProperty("reference").GetString(), problem.GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.Accepted, otherTimes.StatusCode); // other appointments are another invitation

        // Once cancelled, the same two appointments may be offered again.
        var cancel = await http.SendAsync(Post($"wfi-invitations/{made.GetProperty("id").GetString()}/cancel", WfiScenario.LambethKey, new { }));
        var afterCancel = await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, body));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, afterCancel.StatusCode);
        Assert.NotEqual(made.GetProperty("id").GetString(), (await Json(afterCancel)).GetProperty("id").GetString());

        // A bulk file sent twice: the second time every row is refused, naming the invitation made the first time,
        // and the new parent is not registered a second time.
        var options = WfiScenario.Shifted(WfiScenario.Request(parent, now), 60).Options!;
        var jobcentre = options.Jobcentre!.StartsAt;
        var centre = options.Centre!.StartsAt;
        var respondBy = RespondByDate.Text(RespondByDate.LondonDate(now.AddDays(5)));
        var csv = new StringBuilder()
            .Append("parentId,firstName,lastName,mobile,addressLine1,addressLine2,postcode,jobcentreStartsAt,centreStartsAt,respondBy\r\n")
            .Append(CultureInfo.InvariantCulture, $"{parent},,,,,,,{jobcentre},{centre},{respondBy}\r\n")
            .Append(CultureInfo.InvariantCulture, $",Grace,Mensah,07700 900456,\"Flat 2, 40 Brixton Hill\",London,SW2 1QS,{jobcentre},{centre},{respondBy}\r\n")
            .ToString();
        var firstFile = await Json(await http.SendAsync(PostCsv("wfi-invitations/bulk", WfiScenario.LambethKey, csv)));
        var secondFile = await Json(await http.SendAsync(PostCsv("wfi-invitations/bulk", WfiScenario.LambethKey, csv)));

        var accepted = firstFile.GetProperty("accepted").EnumerateArray().ToList();
        Assert.Equal(2, accepted.Count);
        Assert.Empty(secondFile.GetProperty("accepted").EnumerateArray());
        var refused = secondFile.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([2, 3], refused.Select(r => r.GetProperty("line").GetInt32()));
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains(accepted[i].GetProperty("reference").GetString()!, refused[i].GetProperty("errors").GetProperty("parentId")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(accepted[1].GetProperty("parentId").GetString(), refused[1].GetProperty("parentId").GetString()); // the parent the row matched

        Assert.Single(await runner.Services.GetRequiredService<ParentStore>().FindByMobileAsync("+447700900456", CancellationToken.None));
        var invitations = await runner.Services.GetRequiredService<WfiInvitationStore>().RequestedBetweenAsync(WfiScenario.Lambeth, now.AddHours(-1), now.AddHours(1), CancellationToken.None);
        Assert.Equal(5, invitations.Count); // first, other times, after the cancel, and the file's two
    }

    [Fact]
    public async Task Two_copies_of_one_invitation_sent_at_once_make_one_invitation()
    {
        await using var runner = await StartAsync();
        var desk = runner.Services.GetRequiredService<WfiInvitationDesk>();
        var parent = await RegisterAsync(runner);
        var request = WfiScenario.Request(parent, DateTimeOffset.UtcNow);

        for (var round = 0; round < 5; round++)
        {
            // One request, sent as four copies at once; from the second round on, the claim is a cancelled invitation's.
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => desk.CreateAsync(WfiScenario.LambethOffice, request, "api", CancellationToken.None)));

            var made = Assert.Single(outcomes, o => o.IsOk);
            Assert.All(outcomes.Where(o => !o.IsOk), o => Assert.Equal(made.Value!.Id, o.Extensions!["invitationId"]));
            await desk.CancelAsync(WfiScenario.LambethOffice, made.Value!.Id, CancellationToken.None);
        }

        var stored = await runner.Services.GetRequiredService<WfiInvitationStore>().ForParentAsync(parent, CancellationToken.None);
        Assert.Equal(5, stored.Count);
        Assert.All(stored, i => Assert.Equal(WfiInvitationStatuses.Cancelled, i.Status));
    }

    [Fact]
    public async Task The_letters_link_takes_one_choice_refuses_reuse_gives_the_next_link_for_a_change_and_refuses_a_tampered_token()
    {
        await using var runner = await StartAsync();
        using var http = Client(runner);
        var parent = await RegisterAsync(runner);
        var created = await Json(await http.SendAsync(Post("wfi-invitations", WfiScenario.LambethKey, WfiScenario.Request(parent, DateTimeOffset.UtcNow))));
        var id = created.GetProperty("id").GetString()!;
        var invitation = (await runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, id, CancellationToken.None))!;
        var token = ChoiceToken.Create(invitation.Reference, id, RespondByDate.EndOf(invitation.RespondBy), Encoding.UTF8.GetBytes(WfiScenario.SigningKey));

        var page = await http.GetAsync($"c/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"centre\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var missing = await http.PostAsync($"c/{token}", new FormUrlEncodedContent([]));
        var chosen = await http.PostAsync($"c/{token}", Choice("centre"));
        var chosenHtml = await chosen.Content.ReadAsStringAsync();
        var reused = await http.PostAsync($"c/{token}", Choice("jobcentre"));
        var first = await Stored(runner, id);
        var reopened = await http.GetAsync($"c/{token}");
        var next = System.Text.RegularExpressions.Regex.Match(chosenHtml, "href=\"/api/(c/[^\"]+)\">Change my choice").Groups[1].Value;
        var nextPage = await http.GetAsync(next);
        var changed = await http.PostAsync(next, Choice("jobcentre"));
        var nextReused = await http.PostAsync(next, Choice("centre"));
        var last = await Stored(runner, id);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("role=\"alert\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Contains("Your interview is booked", chosenHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("This link has already been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WfiChoiceMethods.Web, first.ChoiceMethod);
        Assert.Equal(WfiOptionKeys.Centre, first.Choice); // the reused link did not change it
        Assert.Equal(1, first.Bookings);
        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Contains("You chose", await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith($"c/{invitation.Reference}.", next, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nextPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, nextReused.StatusCode);
        Assert.Equal(WfiOptionKeys.Jobcentre, last.Choice);
        Assert.Equal(2, last.Bookings);

        var pieces = next["c/".Length..].Split('.');
        var otherUse = $"{pieces[0]}.{pieces[1]}.2.{pieces[3]}"; // the next link's signature with another use number
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync($"c/{otherUse}", Choice("centre"))).StatusCode);

        var tampered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        var forged = $"{invitation.Reference}.{RespondByDate.EndOf(invitation.RespondBy).AddDays(30).ToUnixTimeSeconds()}.{token.Split('.')[2]}";
        foreach (var bad in new[] { tampered, forged, "WFI-222222.1.AAAA", "rubbish" })
        {
            var refused = await http.PostAsync($"c/{bad}", Choice("centre"));
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("This link is not valid", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await Stored(runner, id)).Bookings);
    }

    [Fact]
    public async Task Take_up_figures_count_the_callers_office_or_centre_as_json_or_csv()
    {
        await using var runner = await StartAsync();
        using var http = Client(runner);
        var parent = await RegisterAsync(runner);
        var ealingParent = await RegisterAsync(runner, ealing: true);
        var now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        foreach (var (key, invited) in new[] { (WfiScenario.LambethKey, parent), (WfiScenario.LambethKey, parent), (WfiScenario.EalingKey, ealingParent) })
        {
            // Each at its own times: one office inviting one parent to the same two appointments twice is refused.
            var created = await http.SendAsync(Post("wfi-invitations", key, WfiScenario.Shifted(WfiScenario.Request(invited, now, invited == ealingParent ? "cc-ealing-ealing-green" : null), 15 * ids.Count)));
            ids.Add((await Json(created)).GetProperty("id").GetString()!);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Post($"wfi-invitations/{ids[0]}/choice", WfiScenario.LambethKey, new { option = "centre" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Post($"wfi-invitations/{ids[0]}/attendance", WfiScenario.LambethKey, new { attended = true }))).StatusCode);
        var today = RespondByDate.LondonDate(now);
        var query = $"mi/wfi?from={RespondByDate.Text(today)}&to={RespondByDate.Text(today.AddDays(1))}&groupBy=office";

        var lambeth = await Json(await http.SendAsync(Get(query, WfiScenario.LambethKey)));
        var everyone = await Json(await http.SendAsync(Get(query, WfiScenario.CentralKey)));
        var csvRequest = Get(query, WfiScenario.LambethKey);
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await http.SendAsync(csvRequest);
        var badGroup = await http.SendAsync(Get($"mi/wfi?from={RespondByDate.Text(today)}&to={RespondByDate.Text(today.AddDays(1))}&groupBy=planet", WfiScenario.LambethKey));
        var noKey = await http.GetAsync(query);
        var stockwellCentre = await Json(await http.SendAsync(Get(query, RoleKeys.Centre(Scenario.Centre))));
        var otherCentre = await Json(await http.SendAsync(Get(query, RoleKeys.Centre("cc-westminster-pimlico"))));

        var total = lambeth.GetProperty("total");
        Assert.Equal(2, total.GetProperty("invitations").GetInt32());
        Assert.Equal(1, total.GetProperty("answered").GetProperty("phone").GetInt32());
        Assert.Equal(1, total.GetProperty("choseCentre").GetInt32());
        Assert.Equal(1.0, total.GetProperty("centreShare").GetDouble());
        Assert.Equal(1, total.GetProperty("attendance").GetProperty("attended").GetInt32());
        Assert.Equal([WfiScenario.Lambeth], lambeth.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()));
        Assert.Equal(3, everyone.GetProperty("total").GetProperty("invitations").GetInt32());
        Assert.Equal(2, everyone.GetProperty("groups").GetArrayLength());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,name,invitations,sent,answered,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{WfiScenario.Lambeth},", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("total,All,2,", lines[2], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
        Assert.True((await Json(badGroup)).GetProperty("errors").TryGetProperty("groupBy", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

        // A centre manager counts only the invitations that offered their centre (Lambeth's parent lives near Stockwell).
        Assert.Equal(2, stockwellCentre.GetProperty("total").GetProperty("invitations").GetInt32());
        Assert.Equal(0, otherCentre.GetProperty("total").GetProperty("invitations").GetInt32());
    }

    [Fact]
    public async Task An_office_cannot_invite_another_offices_parent()
    {
        await using var runner = await StartAsync();
        using var http = Client(runner);
        var lambethParent = await RegisterAsync(runner);

        var refused = await http.SendAsync(Post("wfi-invitations", WfiScenario.EalingKey, WfiScenario.Request(lambethParent, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["no parent of your office has this id"], (await Json(refused)).GetProperty("errors").GetProperty("parentId").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_letter_job_that_names_no_invitation_ends_in_the_poison_queue()
    {
        // A host.json that gives up quickly: two deliveries, a second apart.
        var hostJson = Path.Combine(Path.GetTempPath(), $"wfi-host-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(hostJson, """{"version":"2.0","extensions":{"queues":{"maxPollingInterval":"00:00:01","visibilityTimeout":"00:00:01","maxDequeueCount":2}}}""");
        var settings = WfiScenario.Settings();
        settings["LocalRunner:HostJsonPath"] = hostJson;
        await using var runner = await StartAsync(settings);
        var storage = runner.Services.GetRequiredService<Pilot.Shared.Storage.StorageClients>();
        var queue = await storage.QueueAsync(settings["Wfi:LetterQueue"]!);
        await queue.SendMessageAsync("""{"officeId":"jcp-lambeth","invitationId":"nobody"}""");
        var poison = await storage.QueueAsync(settings["Wfi:LetterQueue"] + "-poison");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await poison.PeekMessagesAsync(1)).Value.Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bad letter job never reached the poison queue");
            await Task.Delay(250);
        }

        Assert.Contains("nobody", (await poison.PeekMessagesAsync(1)).Value[0].Body.ToString(), StringComparison.Ordinal);
        Assert.Contains(Pilot.TestSupport.TestLog.Lines, l => l.Contains("No invitation nobody of office jcp-lambeth", StringComparison.Ordinal));
        File.Delete(hostJson);
    }

    private static Task<WebApplication> StartAsync(Dictionary<string, string?>? settings = null) => LocalRunnerHost.StartAsync("wfi", settings ?? WfiScenario.Settings());

    private static HttpClient Client(WebApplication runner) => new() { BaseAddress = new Uri(runner.Urls.Single() + "/api/") };

    /// <summary>A parent of Lambeth's (in Stockwell), or of Ealing's (in Ealing) with <paramref name="ealing"/>.</summary>
    private static async Task<string> RegisterAsync(WebApplication runner, bool ealing = false)
    {
        var outcome = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            ealing ? Caller.Office(WfiScenario.Ealing) : RoleKeys.LambethOffice,
            ealing
                ? new RegisterParentRequest("Bea", "07700 900124", new AddressRequest(["3 The Mall", "London"], "W5 5EP"), "en", new ConsentsRequest(true)) { LastName = "Santos" }
                : new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)) { LastName = "Okafor" },
            CancellationToken.None);
        return outcome.Value!.Id;
    }

    private static async Task<WfiInvitationEntity> Stored(WebApplication runner, string id)
        => (await runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, id, CancellationToken.None))!;

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient http, string id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = await Json(await http.SendAsync(Get($"wfi-invitations/{id}", WfiScenario.LambethKey)));
            if (view.GetProperty("status").GetString() == status && view.GetProperty("letter").GetProperty("companionText").ValueKind == JsonValueKind.String)
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"invitation {id} never reached {status}: {view}");
            await Task.Delay(250);
        }
    }

    private static HttpRequestMessage Post(string path, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: JsonDefaults.Web) };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return request;
    }

    private static HttpRequestMessage PostCsv(string path, string? key, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return request;
    }

    private static HttpRequestMessage Get(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", key);
        return request;
    }

    private static FormUrlEncodedContent Choice(string option) => new([new KeyValuePair<string, string>("choice", option)]);

    private static async Task<JsonElement> Json(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
