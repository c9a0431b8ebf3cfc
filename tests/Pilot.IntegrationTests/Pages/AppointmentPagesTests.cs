using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Time;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Pages;

/// <summary>
/// The office console's appointments in Chromium: book one (after a refused form), read its planned texts, move it
/// (the reminders are planned again), cancel it, and another office's appointment is not there by its address.
/// </summary>
[Collection(ChromiumGroup.Name)]
public sealed class AppointmentPagesTests(Chromium chromium) : IAsyncLifetime
{
    private WebApplication _runner = null!;
    private string _parentId = "";
    private string _ealingAppointmentId = "";

    private string BaseUrl => _runner.Urls.Single();

    public async Task InitializeAsync()
    {
        _runner = await LocalRunnerHost.StartAsync("pagesappts", WfiScenario.Settings());
        var registration = _runner.Services.GetRequiredService<ParentRegistration>();
        var amina = await registration.RegisterAsync(
            WfiScenario.LambethOffice,
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        Assert.True(amina.IsOk, string.Join("; ", amina.Errors));
        _parentId = amina.Value!.Id;

        var ealing = Caller.Office(WfiScenario.Ealing);
        var zofia = await registration.RegisterAsync(
            ealing,
            new RegisterParentRequest("Zofia", "07700 900456", new AddressRequest(["3 Brixton Hill", "London"], "SW2 1RW"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        Assert.True(zofia.IsOk, string.Join("; ", zofia.Errors));
        var booked = await _runner.Services.GetRequiredService<AppointmentBooking>().BookAsync(
            ealing,
            new BookAppointmentRequest(zofia.Value!.Id, Scenario.Centre, OpenAt(12).ToString("O", CultureInfo.InvariantCulture), AppointmentKinds.Adviser, null),
            CancellationToken.None);
        Assert.True(booked.IsOk, string.Join("; ", booked.Errors));
        _ealingAppointmentId = booked.Value!.Id;
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task An_office_books_reads_the_planned_texts_moves_and_cancels_an_appointment_and_cannot_reach_another_offices()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.LambethKey);

        var list = await page.GotoAsync("/api/office/appointments");
        Assert.Equal(200, list!.Status);
        Assert.Equal("no-store", (await list.AllHeadersAsync())["cache-control"]);
        await PageChecks.EveryPageAsync(page, "appointments-empty");

        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Book an appointment" }).ClickAsync());
        await PageChecks.EveryPageAsync(page, "appointment-new");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('form[method=post]')].filter(f => !(f.querySelector('input[name=__antiforgery]')?.value)).length"));

        // No time given: the error summary links to the time box, the message is by it, and what was typed is kept.
        var first = LondonTime.ToLocal(OpenAt(10));
        await page.FillAsync("#parentId", _parentId);
        await page.GetByLabel("Adviser appointment").CheckAsync();
        await page.SelectOptionAsync("#venueId", Scenario.Centre);
        await FillDateAsync(page, first);
        await page.FillAsync("#adviserName", "Priya S.");
        var refused = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Book the appointment" }).ClickAsync());
        Assert.Equal(400, refused.Status);
        Assert.Equal(new[] { "#startsAtTime" }, await page.Locator(".govuk-error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.EndsWith("Enter the time of the appointment", (await page.Locator("#startsAtTime-error").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(_parentId, await page.InputValueAsync("#parentId"));
        Assert.Equal(Scenario.Centre, await page.InputValueAsync("#venueId"));
        await PageChecks.EveryPageAsync(page, "appointment-new-error");

        await page.FillAsync("#startsAtTime", first.ToString("HH:mm", CultureInfo.InvariantCulture));
        var shown = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Book the appointment" }).ClickAsync());
        Assert.Equal(200, shown.Status);
        Assert.True(await page.GetByText("The appointment is booked.").IsVisibleAsync());
        var id = Uri.UnescapeDataString(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        var stored = await GetAsync(id);
        Assert.Equal((first.ToUniversalTime(), AppointmentKinds.Adviser, "Priya S."), (stored.StartsAt.ToUniversalTime(), stored.Kind, stored.AdviserName));
        var booked = await TextsAsync(page);
        Assert.Contains(booked, t => t.Kind == "confirmation");
        var firstReminders = booked.Where(t => t.Kind.StartsWith("reminder-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(firstReminders);
        Assert.All(firstReminders, t => Assert.Equal((TextStates.Scheduled, "1"), (t.State, t.Version)));
        Assert.Equal(stored.Texts.Count, booked.Count);
        await PageChecks.EveryPageAsync(page, "appointment-booked");

        // Moved ten days on: the first time's reminders are withdrawn, a "new time" text and new reminders are planned.
        var moved = LondonTime.ToLocal(OpenAt(20));
        await FillDateAsync(page, moved);
        await page.FillAsync("#startsAtTime", moved.ToString("HH:mm", CultureInfo.InvariantCulture));
        var afterMove = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Move the appointment" }).ClickAsync());
        Assert.Equal(200, afterMove.Status);
        Assert.True(await page.GetByText("The appointment is moved.").IsVisibleAsync());
        Assert.Equal(moved.ToUniversalTime(), (await GetAsync(id)).StartsAt.ToUniversalTime());
        var texts = await TextsAsync(page);
        Assert.All(texts.Where(t => t.Version == "1" && t.Kind.StartsWith("reminder-", StringComparison.Ordinal)), t => Assert.Equal(TextStates.Cancelled, t.State));
        Assert.Contains(texts, t => t.Version == "2" && t.Kind == "rescheduled");
        var newReminders = texts.Where(t => t.Version == "2" && t.Kind.StartsWith("reminder-", StringComparison.Ordinal)).ToList();
        Assert.Equal(firstReminders.Select(t => t.Kind), newReminders.Select(t => t.Kind));
        Assert.Empty(newReminders.Select(t => t.Due).Intersect(firstReminders.Select(t => t.Due)));
        Assert.Contains("Not sent: the appointment was moved", await page.GetByTestId("texts").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "appointment-moved");

        var afterCancel = await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Cancel the appointment" }).ClickAsync());
        Assert.Equal(200, afterCancel.Status);
        Assert.True(await page.GetByText("The appointment is cancelled.").IsVisibleAsync());
        Assert.Equal("Cancelled", await page.GetByTestId("status").InnerTextAsync());
        Assert.Equal(AppointmentStatuses.Cancelled, (await GetAsync(id)).Status);
        texts = await TextsAsync(page);
        Assert.All(texts.Where(t => t.Kind.StartsWith("reminder-", StringComparison.Ordinal)), t => Assert.Equal(TextStates.Cancelled, t.State));
        Assert.Contains(texts, t => t.Version == "3" && t.Kind == "cancelled");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Move the appointment" }).CountAsync());
        await PageChecks.EveryPageAsync(page, "appointment-cancelled");

        // The list shows the office's own appointment (cancelled), linked to its page, and nothing of Ealing's.
        await page.GotoAsync("/api/office/appointments");
        var table = await page.GetByTestId("appointments").InnerTextAsync();
        Assert.Contains("Amina", table, StringComparison.Ordinal);
        Assert.Contains("Cancelled", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Zofia", table, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"a[href='/api/office/appointments/{id}']").CountAsync());
        await PageChecks.EveryPageAsync(page, "appointments");

        var other = await page.GotoAsync($"/api/office/appointments/{_ealingAppointmentId}");
        Assert.Equal(404, other!.Status);
        Assert.DoesNotContain("Zofia", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.EveryPageAsync(page, "appointment-other-office");

        using var lambeth = LocalRunnerHost.Client(_runner, WfiScenario.LambethKey);
        using var acted = await lambeth.PostAsync($"office/appointments/{_ealingAppointmentId}/actions", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "cancel" }));
        Assert.Equal(HttpStatusCode.NotFound, acted.StatusCode);
        var ealings = await _runner.Services.GetRequiredService<AppointmentBooking>().GetAsync(Caller.Office(WfiScenario.Ealing), _ealingAppointmentId, CancellationToken.None);
        Assert.Equal(AppointmentStatuses.Booked, ealings.Value!.Status);
    }

    [Fact]
    public async Task Central_reads_every_offices_appointments_but_is_offered_no_change()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, WfiScenario.CentralKey);

        await page.GotoAsync("/api/office/appointments");
        Assert.Contains("Zofia", await page.GetByTestId("appointments").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Book an appointment" }).CountAsync());

        var shown = await page.GotoAsync($"/api/office/appointments/{_ealingAppointmentId}");
        Assert.Equal(200, shown!.Status);
        Assert.Equal(0, await page.Locator("form[action$='/actions']").CountAsync());
        await PageChecks.EveryPageAsync(page, "appointment-central");

        var refused = await page.GotoAsync("/api/office/appointments/new");
        Assert.Equal(403, refused!.Status);
    }

    private sealed record TextRow(string Kind, string State, string Version, string Due);

    private static async Task<List<TextRow>> TextsAsync(IPage page)
    {
        var rows = await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('[data-testid=texts] tbody tr')].map(r => [r.dataset.kind, r.dataset.state, r.dataset.version, r.cells[1].innerText.trim()])");
        return [.. rows.Select(r => new TextRow(r[0], r[1], r[2], r[3]))];
    }

    private static async Task FillDateAsync(IPage page, DateTimeOffset local)
    {
        await page.FillAsync("#startsAt", local.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#startsAt-month", local.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#startsAt-year", local.Year.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<AppointmentView> GetAsync(string id)
    {
        var found = await _runner.Services.GetRequiredService<AppointmentBooking>().GetAsync(WfiScenario.LambethOffice, id, CancellationToken.None);
        Assert.True(found.IsOk, found.Detail);
        return found.Value!;
    }

    /// <summary>10:30 London time about <paramref name="days"/> days from now, on a day the scenario's centre is open.</summary>
    private static DateTimeOffset OpenAt(int days)
        => WfiScenario.OpenFrom(Scenario.Centre, LondonTime.FromLocal(DateTime.UtcNow.Date.AddDays(days).AddHours(10).AddMinutes(30)));

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/api/sign-in");
        await page.FillAsync("#key", key);
        await PageChecks.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
    }
}
