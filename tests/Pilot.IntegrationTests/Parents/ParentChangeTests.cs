using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.Vacancies;
using Pilot.Shared.Parents;
using Pilot.Shared.Parents.OwnPage;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.WfiInvitations.Choosing;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Parents;

/// <summary>
/// <c>PATCH /api/parents/{id}</c> through the local runner (the worker) on Azurite, and a parent's CHANGE text through
/// the real services: the same validation as registration, the office fence, the consent history, the link.
/// </summary>
public sealed class ParentChangeTests : IAsyncLifetime
{
    private WebApplication _runner = null!;

    public async Task InitializeAsync() => _runner = await LocalRunnerHost.StartAsync("patchparent", new Dictionary<string, string?> { ["Vacancies:AlertSchedule"] = "0 0 0 1 1 *" });

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task Patch_refuses_what_registration_refuses_naming_the_field_and_stores_nothing()
    {
        var parent = await JobSeekerAsync();
        using var lambeth = LocalRunnerHost.Client(_runner, RoleKeys.For(RoleKeys.LambethOffice));

        var tooFar = await PatchAsync(lambeth, parent, """{"maxTravelKm":31}""");
        var badTime = await PatchAsync(lambeth, parent, """{"availability":[{"days":["Sat"],"from":"09:10","to":"13:00"}]}""");
        var notChangeable = await PatchAsync(lambeth, parent, """{"mobile":"07700 900999"}""");
        var wrongType = await PatchAsync(lambeth, parent, """{"maxTravelKm":"far"}""");
        var alertsWithoutSearch = await PatchAsync(lambeth, await RemindersOnlyParentAsync(), """{"alerts":{"optIn":true}}""");
        var language = await PatchAsync(lambeth, parent, """{"preferredLanguage":"polish please"}""");

        await AssertNamesAsync(tooFar, "maxTravelKm");
        await AssertNamesAsync(badTime, "availability[0].from");
        await AssertNamesAsync(notChangeable, "mobile");
        await AssertNamesAsync(wrongType, "maxTravelKm");
        await AssertNamesAsync(alertsWithoutSearch, "availability");
        await AssertNamesAsync(language, "preferredLanguage");
        var stored = await Parent(parent);
        Assert.Equal(5, Search(stored).MaxTravelKm);
        Assert.Equal("en", stored.PreferredLanguage);
    }

    [Fact]
    public async Task Another_office_gets_404_for_a_parent_not_theirs_and_nothing_changes()
    {
        var parent = await JobSeekerAsync();
        using var ealing = LocalRunnerHost.Client(_runner, RoleKeys.For(Pilot.Shared.Access.Caller.Office(RoleKeys.Ealing)));
        using var central = LocalRunnerHost.Client(_runner, RoleKeys.Central);

        using var patched = await PatchAsync(ealing, parent, """{"maxTravelKm":2}""");
        using var byCentral = await PatchAsync(central, parent, """{"maxTravelKm":2}""");
        using var linked = await ealing.PostAsync($"parents/{parent}/link", null);

        Assert.Equal(HttpStatusCode.NotFound, patched.StatusCode);
        Assert.Equal("application/problem+json", patched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, byCentral.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, linked.StatusCode);
        Assert.Equal(5, Search(await Parent(parent)).MaxTravelKm);
        Assert.Empty(await Outbox.AllAsync(_runner.Services.GetRequiredService<StorageClients>()));
    }

    [Fact]
    public async Task A_patch_merges_over_what_is_stored_records_alerts_off_in_the_consent_history_and_removes_the_alert_profile()
    {
        var parent = await JobSeekerAsync();
        using var lambeth = LocalRunnerHost.Client(_runner, RoleKeys.For(RoleKeys.LambethOffice));

        using var response = await PatchAsync(lambeth, parent, """{"alerts":{"optIn":false},"preferredLanguage":"pl","maxTravelKm":3,"availability":[{"days":["Sat"],"from":"09:00","to":"13:00"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("pl", (string?)view!["preferredLanguage"]);
        Assert.False((bool)view["alerts"]!["optIn"]!);
        Assert.Equal(3, (int)view["alerts"]!["maxPerWeek"]!); // not in the patch: kept
        Assert.Equal("bus", (string?)view["travelMode"]); // not in the patch: kept
        Assert.Equal("""[{"days":["Sat"],"from":"09:00","to":"13:00"}]""", view["availability"]!.ToJsonString());
        var stored = await Parent(parent);
        Assert.False(stored.AlertsOptIn);
        Assert.Equal("pl", stored.PreferredLanguage);
        Assert.Equal(3, Search(stored).MaxTravelKm);
        var consents = await _runner.Services.GetRequiredService<ParentStore>().ConsentHistoryAsync(parent, CancellationToken.None);
        var off = Assert.Single(consents, c => c.Consent == ParentConsents.VacancyAlerts && !c.Given);
        Assert.Equal("office:jcp-lambeth", off.Channel);
        Assert.Empty(await AlertProfilesAsync());

        // Back on, with a null removing a field: a consent given, and the profile back where the alert timer reads it.
        using var on = await PatchAsync(lambeth, parent, """{"alerts":{"optIn":true},"jobInterests":null}""");
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Empty(Search(await Parent(parent)).Interests);
        Assert.Single(await _runner.Services.GetRequiredService<ParentStore>().ConsentHistoryAsync(parent, CancellationToken.None), c => c.Consent == ParentConsents.VacancyAlerts && c.Given && c.Channel == "office:jcp-lambeth");
        var profile = Assert.Single(await AlertProfilesAsync());
        Assert.Equal(parent, profile.RowKey);
        Assert.Contains("\"maxTravelKm\":3", profile.GetString("JobSearch"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_texts_the_parent_their_link_which_opens_their_page()
    {
        var parent = await JobSeekerAsync();
        using var lambeth = LocalRunnerHost.Client(_runner, RoleKeys.For(RoleKeys.LambethOffice));

        using var sent = await lambeth.PostAsync($"parents/{parent}/link", null);

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var body = await sent.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("+44 7700 900***", (string?)body!["sentTo"]);
        var text = Assert.Single(await Outbox.AllAsync(_runner.Services.GetRequiredService<StorageClients>()));
        var url = LinkIn(text.GetString("Body"));
        using var browser = new HttpClient();
        using var page = await browser.GetAsync(new Uri(_runner.Urls.Single() + new Uri(url).AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hello Amina", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> JobSeekerAsync()
    {
        var outcome = await _runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice, VacancyScenario.Request(maxPerWeek: 3), CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!.Id;
    }

    private async Task<string> RemindersOnlyParentAsync()
    {
        var outcome = await _runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest("Grace", "07700 900456", new AddressRequest(["3 Brixton Hill"], "SW2 1RW"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!.Id;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string parent, string json)
        => client.PatchAsync($"parents/{parent}", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"400 does not name {field}: {body}");
        }
    }

    private Task<ParentEntity> Parent(string id) => ParentOf(_runner.Services.GetRequiredService<ParentStore>(), id);

    private static async Task<ParentEntity> ParentOf(ParentStore store, string id) => (await store.GetAsync(id, CancellationToken.None))!;

    private static JobSearch Search(ParentEntity parent) => JsonSerializer.Deserialize<JobSearch>(parent.JobSearch!, Pilot.Shared.JsonDefaults.Web)!;

    private async Task<List<Azure.Data.Tables.TableEntity>> AlertProfilesAsync()
    {
        var table = await _runner.Services.GetRequiredService<StorageClients>().TableAsync(TableNames.AlertProfiles);
        var all = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            all.Add(row);
        }

        return all;
    }

    public static string LinkIn(string? body)
    {
        var match = System.Text.RegularExpressions.Regex.Match(body ?? "", @"https?://\S+/api/p/[A-Za-z0-9-]+\.[0-9]+\.[A-Za-z0-9_-]+");
        Assert.True(match.Success, $"no parent link in: {body}");
        return match.Value;
    }
}

/// <summary>A parent texts CHANGE: the answer carries their link, which opens their page and only theirs.</summary>
public sealed class ChangeLinkReplyTests
{
    private const string Mobile = "+447700900123";

    /// <summary>One secret signs both kinds of link, as in Azure.</summary>
    private static readonly string SigningKey = Pilot.Shared.Secrets.DevelopmentSecrets.ValueOf("Wfi:TokenSigningKey")!;

    [Fact]
    public async Task Change_is_answered_with_the_parents_own_link_that_expires_and_a_choice_token_never_opens_it()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Wfi:TokenSigningKey"] = SigningKey });
        var parent = await VacancyScenario.JobSeekerAsync(services);

        var outcome = await services.Get<InboundTexts>().HandleAsync(new InboundText(Mobile, "Change please", "twilio", "SM" + new string('1', 32), services.Time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(InboundOutcome.Handled, outcome);
        var reply = Assert.Single(await Outbox.AllAsync(services));
        Assert.Equal(Mobile, reply.GetString("To"));
        var body = reply.GetString("Body");
        Assert.StartsWith("Change your job search, hours or language here: http://127.0.0.1:7071/api/p/", body, StringComparison.Ordinal);
        var token = ParentChangeTests.LinkIn(body)[(ParentChangeTests.LinkIn(body).IndexOf("/api/p/", StringComparison.Ordinal) + 7)..];
        var links = services.Get<ParentLinks>();
        var opened = await links.OpenAsync(token, CancellationToken.None);
        Assert.Equal(ParentLinkState.Open, opened.State);
        Assert.Equal(parent, opened.Parent!.Id);

        // Altered, or a choice link's token for the same id signed with the same secret: not a link to this page.
        Assert.Equal(ParentLinkState.NotValid, (await links.OpenAsync(token[..^2] + "AA", CancellationToken.None)).State);
        var choice = ChoiceToken.Create(parent, parent, services.Time.GetUtcNow().AddDays(3), System.Text.Encoding.UTF8.GetBytes(SigningKey));
        Assert.Equal(ParentLinkState.NotValid, (await links.OpenAsync(choice, CancellationToken.None)).State);

        services.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        Assert.Equal(ParentLinkState.Expired, (await links.OpenAsync(token, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Change_in_a_question_is_kept_for_the_adviser_not_answered_with_a_link()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.JobSeekerAsync(services);

        var outcome = await services.Get<InboundTexts>().HandleAsync(new InboundText(Mobile, "can I change my appointment to Friday?", "twilio", "SM" + new string('2', 32), services.Time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(InboundOutcome.Stored, outcome);
        Assert.DoesNotContain("/api/p/", Assert.Single(await Outbox.AllAsync(services)).GetString("Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_on_confirmation_tells_the_parent_to_reply_change_for_a_link()
    {
        Assert.Contains("CHANGE", AlertText.AlertsOnConfirmed("en"), StringComparison.Ordinal);
        Assert.Contains("CHANGE", AlertText.AlertsOnConfirmed("pl"), StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
