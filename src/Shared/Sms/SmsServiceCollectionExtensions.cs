using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Hosting;
using Pilot.Shared.Sms.Acs;
using Pilot.Shared.Sms.Resilience;
using Pilot.Shared.Sms.Twilio;
using Polly;

namespace Pilot.Shared.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// The SMS gateway <c>Sms:Providers</c> asks for: empty gives the outbox (the embedded default);
    /// <c>twilio</c>, <c>acs</c> or both in order give the failover gateway over them, each provider behind its
    /// own resilience pipeline (<c>sms-twilio</c>, <c>sms-acs</c>). An unknown provider or a missing setting
    /// fails here, at start, naming the setting.
    /// </summary>
    public static IServiceCollection AddSmsGateways(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = ProviderNames(configuration[$"{SmsOptions.Section}:{nameof(SmsOptions.Providers)}"]);
        if (names.Count == 0)
        {
            services.AddSingleton<OutboxSmsGateway>();
            services.AddSingleton<ISmsGateway>(sp => sp.GetRequiredService<OutboxSmsGateway>());
            services.AddSingleton<IEmbeddedDefault>(sp => sp.GetRequiredService<OutboxSmsGateway>());
            return services;
        }

        foreach (var name in names)
        {
            switch (name)
            {
                case TwilioSmsGateway.ProviderName:
                    AddTwilio(services, configuration);
                    break;
                case AcsSmsGateway.ProviderName:
                    AddAcs(services, configuration);
                    break;
                default:
                    throw new InvalidOperationException($"Sms:Providers names an unknown SMS provider '{name}'; use twilio, acs, or leave it empty for the outbox.");
            }
        }

        services.AddSingleton<ISmsGateway>(sp => new FailoverSmsGateway(
            [.. names.Select(name => name == TwilioSmsGateway.ProviderName ? (ISmsGateway)sp.GetRequiredService<TwilioSmsGateway>() : sp.GetRequiredService<AcsSmsGateway>())],
            sp.GetRequiredService<ILogger<FailoverSmsGateway>>()));
        return services;
    }

    /// <summary>The ordered, de-duplicated, lower-cased names in a <c>Sms:Providers</c> value.</summary>
    public static IReadOnlyList<string> ProviderNames(string? value) =>
        [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).Distinct()];

    private static void AddTwilio(IServiceCollection services, IConfiguration configuration)
    {
        var publicBaseUrl = configuration[$"{SmsOptions.Section}:PublicBaseUrl"] ?? "";
        var settings = configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        settings.PublicBaseUrl = publicBaseUrl;
        FailOn(settings.Problems(), TwilioSmsGateway.ProviderName);

        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).PostConfigure(o => o.PublicBaseUrl = publicBaseUrl).CheckedOnStart(o => o.Problems());
        services.AddTransient<TwilioHttpHandler>();
        services.AddHttpClient(TwilioSmsGateway.HttpClientName)
            // The pipeline's attempt timeout governs; this only stops a request that ignores cancellation.
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds * 2 + 5))
            .AddHttpMessageHandler<TwilioHttpHandler>();
        services.AddSingleton<ISentTextLookup, TextStoreSentTextLookup>();
        services.AddSingleton<TwilioSmsGateway>();
        AddPipeline(services, TwilioSmsGateway.ProviderName, sp =>
        {
            var o = sp.GetRequiredService<IOptions<TwilioOptions>>().Value;
            return SmsResilienceSettings.For(o.MessagesPerSecond, o.TimeoutSeconds);
        });
    }

    private static void AddAcs(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AcsOptions.Section).Get<AcsOptions>() ?? new AcsOptions();
        FailOn(settings.Problems(), AcsSmsGateway.ProviderName);

        services.AddOptions<AcsOptions>().BindConfiguration(AcsOptions.Section).CheckedOnStart(o => o.Problems());
        services.AddHttpClient(AcsSmsClient.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds * 2 + 5));
        services.AddSingleton<AcsSmsClient>();
        services.AddSingleton<AcsSmsGateway>();
        AddPipeline(services, AcsSmsGateway.ProviderName, sp =>
        {
            var o = sp.GetRequiredService<IOptions<AcsOptions>>().Value;
            return SmsResilienceSettings.For(o.MessagesPerSecond, o.TimeoutSeconds);
        });
    }

    private static void AddPipeline(IServiceCollection services, string provider, Func<IServiceProvider, SmsResilienceSettings> settings) =>
        services.AddResiliencePipeline(SmsResiliencePipelines.NameFor(provider), (builder, context) =>
            SmsResiliencePipelines.Configure(
                builder,
                settings(context.ServiceProvider),
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                owned => context.OnPipelineDisposed(owned.Dispose)));

    private static void FailOn(IReadOnlyList<string> problems, string provider)
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Sms:Providers includes {provider} but its settings are incomplete: {string.Join("; ", problems)}.");
        }
    }
}
