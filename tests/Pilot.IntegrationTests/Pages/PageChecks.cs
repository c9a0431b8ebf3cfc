using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pilot.IntegrationTests.Pages;

/// <summary>What every page must pass in the browser: axe-core finds nothing serious or critical, nothing is wider than a 320-pixel screen, and a screenshot is kept.</summary>
public static class PageChecks
{
    /// <summary>Where the tests write screenshots (<c>PILOT_SCREENSHOT_DIR</c>, else <c>.artifacts/screenshots</c> at the repository root); the README links it.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("PILOT_SCREENSHOT_DIR") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryRoot(), ".artifacts", "screenshots");

    public static async Task AccessibleAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: axe-core found serious or critical problems:\n" + string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>At 320 CSS pixels nothing makes the page itself scroll sideways (wide tables and the chart scroll in their own box).</summary>
    public static async Task FitsNarrowScreenAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(320, 640);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await ScreenshotAsync(page, name + "-320px");
        Assert.True(width <= 320, $"{name}: at 320px wide the page is {width}px wide");
        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Does what leads the page elsewhere (a click, a form sent) and returns the page the browser ends on, after any redirect.</summary>
    public static async Task<IResponse> FollowAsync(IPage page, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(action);
        var landed = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is not (301 or 302 or 303 or 307));
        await page.EvaluateAsync("() => { window.pilotLeaving = true; }");
        await action();
        var response = await landed;
        await LoadedAsync(page);
        return response;
    }

    /// <summary>
    /// Waits for the new document's load event. Playwright can miss it when Chromium reports it as the document commits
    /// (seen once with a CPU hog beside the suite, 5 December 2026: "NetworkIdle" fired, "load" never, 30 s timeout), so
    /// after 10 s the document itself is asked: a new one (the old one was marked before leaving) that has loaded.
    /// </summary>
    private static async Task LoadedAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 10_000 });
            return;
        }
        catch (TimeoutException)
        {
            // Asked below.
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await page.EvaluateAsync<bool>("() => window.pilotLeaving !== true && document.readyState === 'complete'"))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // The document changed while it was asked: ask the new one.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{page.Url}: no load event in 10 s, and the new document had not loaded 20 s after that");
    }

    /// <summary>All three checks, for a page as it is now.</summary>
    public static async Task EveryPageAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await AccessibleAsync(page, name);
        await FitsNarrowScreenAsync(page, name);
    }

    private static string Describe(AxeResultItem violation)
        => $"{violation.Impact} {violation.Id}: {violation.Help} ({string.Join("; ", violation.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pilot.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
