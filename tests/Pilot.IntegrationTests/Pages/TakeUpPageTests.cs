using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared.WfiInvitations.TakeUp;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Pages;

/// <summary>The take-up report page in Chromium, on the demo's month of invitations across the ten pilot areas.</summary>
[Collection(ChromiumGroup.Name)]
public sealed class TakeUpPageTests(Chromium chromium) : IAsyncLifetime
{
    private WebApplication _runner = null!;

    private string BaseUrl => _runner.Urls.Single();

    public async Task InitializeAsync()
    {
        _runner = await LocalRunnerHost.StartAsync("pages");
        Assert.True(await _runner.Services.GetRequiredService<WfiDemoMonth>().SeedAsync(CancellationToken.None) > 80);
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task Central_signs_in_reads_the_report_whose_bars_match_the_figures_downloads_it_and_signs_out()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1100, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();

        var refused = await page.GotoAsync("/api/office/take-up?groupBy=la");
        Assert.Equal(401, refused!.Status);
        await PageChecks.EveryPageAsync(page, "not-signed-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await PageChecks.EveryPageAsync(page, "sign-in");

        await page.FillAsync("#key", RoleKeys.Central);
        var signedIn = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
        Assert.Equal(200, signedIn!.Status);
        Assert.EndsWith("/api/office/take-up?groupBy=la", page.Url, StringComparison.Ordinal);
        Assert.Equal("central", await page.GetByTestId("signed-in-as").InnerTextAsync());
        var headers = await signedIn.AllHeadersAsync();
        Assert.Contains("default-src 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("no-store", headers["cache-control"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);

        // GOV.UK Frontend's stylesheet, as the page links it, is served by the app with a year-long immutable cache.
        var stylesheet = await page.GetAttributeAsync("link[rel=stylesheet][href*='govuk-frontend']", "href");
        var asset = await context.APIRequest.GetAsync(stylesheet!);
        Assert.Equal(200, asset.Status);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers["cache-control"]);

        // The same figures as the API, for the period the page chose.
        var from = await page.InputValueAsync("#from");
        var to = await page.InputValueAsync("#to");
        using var api = LocalRunnerHost.Client(_runner, RoleKeys.Central);
        using var json = JsonDocument.Parse(await api.GetStringAsync($"mi/wfi?from={from}&to={to}&groupBy=la"));
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(10, groups.Count);

        var bars = JsonSerializer.Deserialize<Bar[]>(
            await page.EvaluateAsync<string>("() => JSON.stringify([...document.querySelectorAll('svg.pilot-chart rect.pilot-bar')].map(r => ({ group: r.dataset.group, series: r.dataset.series, value: Number(r.dataset.value), height: r.getBBox().height, rendered: r.getBoundingClientRect().height })))"),
            JsonSerializerOptions.Web)!;
        Assert.Equal(groups.Count * TakeUpChart.Series.Count, bars.Length);
        var scaleMax = int.Parse(await page.GetAttributeAsync("svg.pilot-chart", "data-scale-max") ?? "0", CultureInfo.InvariantCulture);
        foreach (var group in groups)
        {
            var key = group.GetProperty("key").GetString()!;
            var expected = new Dictionary<string, int>
            {
                ["sent"] = group.GetProperty("sent").GetInt32(),
                ["answered"] = group.GetProperty("answered").GetProperty("total").GetInt32(),
                ["chose-centre"] = group.GetProperty("choseCentre").GetInt32(),
                ["defaulted"] = group.GetProperty("defaulted").GetInt32(),
                ["attended"] = group.GetProperty("attendance").GetProperty("attended").GetInt32(),
            };
            foreach (var (series, figure) in expected)
            {
                var bar = Assert.Single(bars, b => b.Group == key && b.Series == series);
                Assert.Equal(figure, bar.Value);
                Assert.Equal(figure * TakeUpChart.PlotHeight / scaleMax, bar.Height, 1);
                var cell = await page.Locator($"#take-up-table tr[data-group='{key}'] td[data-series='{series}']").InnerTextAsync();
                Assert.Equal(figure, int.Parse(cell.Split(' ')[0], CultureInfo.InvariantCulture));
            }
        }

        // Drawn, not just written: the tallest bar stands tallest on screen, and twice a figure is twice as tall.
        var tallest = bars.MaxBy(b => b.Value)!;
        Assert.Equal(tallest.Rendered, bars.Max(b => b.Rendered), 1);
        Assert.All(bars.Where(b => b.Value > 0), b => Assert.Equal(tallest.Rendered * b.Value / tallest.Value, b.Rendered, 1));
        await PageChecks.EveryPageAsync(page, "take-up-central-by-la");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download these figures (CSV)" }).ClickAsync());
        var downloaded = await File.ReadAllTextAsync((await download.PathAsync())!);
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"mi/wfi?from={from}&to={to}&groupBy=la");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        using var csvResponse = await api.SendAsync(csvRequest);
        Assert.Equal(await csvResponse.Content.ReadAsStringAsync(), downloaded);

        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync());
        Assert.Contains("/api/sign-in", page.Url, StringComparison.Ordinal);
        Assert.True(await page.GetByText("You have signed out.").IsVisibleAsync());
        await PageChecks.EveryPageAsync(page, "signed-out");
        var after = await page.GotoAsync("/api/office/take-up");
        Assert.Equal(401, after!.Status);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_shows_the_error_summary_linking_to_the_field()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, RoleKeys.Office(RoleKeys.Lambeth));

        await page.FillAsync("#from", "2026-11-10");
        await page.FillAsync("#to", "2026-11-01");
        var response = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync());

        Assert.Equal(400, response!.Status);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        var summaryLink = page.Locator(".govuk-error-summary a[href='#to']");
        Assert.Equal("The end date must be after from", await summaryLink.InnerTextAsync());
        Assert.Contains("The end date must be after from", await page.Locator("#to-error").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "take-up-error");
    }

    [Fact]
    public async Task A_key_that_is_no_ones_is_refused_with_the_error_summary_and_nothing_signed_in()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/sign-in");
        await page.FillAsync("#key", "not-anyones-key");
        var response = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());

        Assert.Equal(400, response!.Status);
        Assert.Equal("#key", await page.Locator(".govuk-error-summary a").GetAttributeAsync("href"));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "pilot-session");
        await PageChecks.EveryPageAsync(page, "sign-in-error");
    }

    [Fact]
    public async Task An_office_sees_only_its_own_invitations_a_centre_only_those_that_offered_it_and_central_every_office()
    {
        Assert.Equal(["jcp-lambeth"], await GroupsAsync(RoleKeys.Office(RoleKeys.Lambeth), "office"));
        Assert.Equal(["cc-lambeth-stockwell"], await GroupsAsync(RoleKeys.Centre("cc-lambeth-stockwell"), "centre"));
        Assert.Equal(10, (await GroupsAsync(RoleKeys.Central, "office")).Count);

        using var feed = LocalRunnerHost.Client(_runner, RoleKeys.Feed);
        Assert.Equal(HttpStatusCode.Forbidden, (await feed.GetAsync("office/take-up")).StatusCode);
    }

    [Fact]
    public async Task The_report_address_of_the_wfi_issue_leads_to_the_take_up_page_for_the_same_period()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl + "/api/") };
        using var response = await http.GetAsync("mi/wfi/report?from=2026-11-01&to=2026-12-01&groupBy=la");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/api/office/take-up?from=2026-11-01&to=2026-12-01&groupBy=la", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_signs_no_one_in()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl + "/api/") };
        using var response = await http.PostAsync("sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = RoleKeys.Central }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("pilot-session=", StringComparison.Ordinal));
    }

    private async Task<List<string>> GroupsAsync(string key, string groupBy)
    {
        using var http = LocalRunnerHost.Client(_runner, key);
        var html = await http.GetStringAsync($"office/take-up?groupBy={groupBy}");
        return [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"govuk-table__row\" data-group=\"([^\"]+)\">").Select(m => m.Groups[1].Value).Where(g => g != "total")];
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/api/sign-in");
        await page.FillAsync("#key", key);
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
        Assert.EndsWith(Shared.Pages.PagePaths.TakeUp, page.Url, StringComparison.Ordinal);
    }

    private sealed record Bar(string Group, string Series, int Value, double Height, double Rendered);
}
