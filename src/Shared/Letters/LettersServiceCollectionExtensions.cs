using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilot.Shared.Hosting;
using Pilot.Shared.Letters.Dispatch;
using Pilot.Shared.Letters.Notify;
using Pilot.Shared.Secrets;
using Polly;

namespace Pilot.Shared.Letters;

public static class LettersServiceCollectionExtensions
{
    /// <summary>
    /// The letter renderer, the letter store and the dispatcher: GOV.UK Notify when
    /// <c>Letters:Notify:ApiKey</c> is set (a malformed key fails here, at start), otherwise the print
    /// batch, an embedded default the hosts report at start.
    /// </summary>
    public static IServiceCollection AddLetters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.Section)
            .Validate(o => LetterOptions.Postages.Contains(o.Postage), "Letters:Postage must be first, second or economy")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Container), "Letters:Container must name a Blob container")
            .ValidateOnStart();
        services.AddSingleton<ILetterRenderer, PdfLetterRenderer>();
        services.AddSingleton<LetterStore>();

        var apiKey = configuration[$"{NotifyOptions.Section}:{nameof(NotifyOptions.ApiKey)}"];
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            services.AddSingleton<PrintBatchLetterDispatcher>();
            services.AddSingleton<ILetterDispatcher>(sp => sp.GetRequiredService<PrintBatchLetterDispatcher>());
            services.AddSingleton<IEmbeddedDefault>(sp => sp.GetRequiredService<PrintBatchLetterDispatcher>());
            return services;
        }

        // An unresolved Key Vault reference is named by the start-up secret check (Secrets/SecretCheck), not mistaken for a malformed key.
        if (!SecretValue.IsUnresolvedKeyVaultReference(apiKey))
        {
            _ = NotifyApiKey.Parse(apiKey);
        }

        var settings = configuration.GetSection(NotifyOptions.Section).Get<NotifyOptions>() ?? new NotifyOptions();
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out _) || settings.TimeoutSeconds <= 0)
        {
            throw new InvalidOperationException("Letters:Notify:BaseUrl must be an absolute URL and Letters:Notify:TimeoutSeconds positive.");
        }

        services.AddOptions<NotifyOptions>().BindConfiguration(NotifyOptions.Section)
            .CheckedOnStart(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _) && o.TimeoutSeconds > 0 ? [] : ["Letters:Notify:BaseUrl must be an absolute URL and Letters:Notify:TimeoutSeconds positive"]);
        services.AddHttpClient(NotifyLetterClient.HttpClientName)
            // The pipeline's attempt timeout governs; this only stops a request that ignores cancellation.
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds * 2 + 5));
        services.AddSingleton<NotifyLetterClient>();
        services.AddResiliencePipeline(NotifyResiliencePipeline.Name, (builder, context) =>
            NotifyResiliencePipeline.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<NotifyOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ILetterDispatcher, NotifyLetterDispatcher>();
        return services;
    }
}
