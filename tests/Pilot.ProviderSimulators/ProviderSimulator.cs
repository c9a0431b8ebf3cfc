using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.ProviderSimulators.Acs;
using Pilot.ProviderSimulators.Notify;
using Pilot.ProviderSimulators.Twilio;
using Pilot.ProviderSimulators.Webhooks;

namespace Pilot.ProviderSimulators;

/// <summary>
/// Twilio's and Azure Communication Services' SMS APIs, and GOV.UK Notify's letter API, on one local Kestrel port, for tests now and
/// load and fault runs later. Point a client at <see cref="BaseUri"/>; assert on what each provider recorded.
/// </summary>
public sealed class ProviderSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookPoster _poster;
    private readonly CancellationTokenSource _stopping;

    private ProviderSimulator(WebApplication app, WebhookPoster poster, CancellationTokenSource stopping, TwilioSimulator twilio, AcsSimulator acs, NotifySimulator notify)
    {
        _app = app;
        _poster = poster;
        _stopping = stopping;
        Twilio = twilio;
        Acs = acs;
        Notify = notify;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Where both APIs listen, e.g. http://127.0.0.1:54321/.</summary>
    public Uri BaseUri { get; }

    public TwilioSimulator Twilio { get; }

    public AcsSimulator Acs { get; }

    public NotifySimulator Notify { get; }

    public static async Task<ProviderSimulator> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Simulator" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        var stopping = new CancellationTokenSource();
        var poster = new WebhookPoster(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, options.Time);
        var twilio = new TwilioSimulator(options, poster, stopping.Token);
        var acs = new AcsSimulator(options, poster, stopping.Token);
        var notify = new NotifySimulator(options);

        var app = builder.Build();
        twilio.Map(app);
        acs.Map(app);
        notify.Map(app);
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        await app.StartAsync(ct);
        return new ProviderSimulator(app, poster, stopping, twilio, acs, notify);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _poster.Dispose();
        _stopping.Dispose();
    }
}
