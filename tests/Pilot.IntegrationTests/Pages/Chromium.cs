using Microsoft.Playwright;

namespace Pilot.IntegrationTests.Pages;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, which <c>./test.sh</c> installs) driven by Playwright: Playwright's own
/// browser download cannot work offline, so it is never used. Started once for the page tests; a missing browser
/// fails them with what to do, never skips them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"The page tests need Debian's Chromium at {ExecutablePath}: run ./test.sh (it installs it), or apt-get install -y chromium.");
        }

        _playwright = await Playwright.CreateAsync();

        // As root in a closed network: no sandbox, and none of Chromium's background connections (refused here, slowly).
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumGroup : ICollectionFixture<Chromium>
{
    public const string Name = "Chromium";
}
