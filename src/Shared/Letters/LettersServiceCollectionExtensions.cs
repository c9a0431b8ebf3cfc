using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Hosting;
using Pilot.Shared.Letters.Dispatch;

namespace Pilot.Shared.Letters;

public static class LettersServiceCollectionExtensions
{
    /// <summary>
    /// The letter renderer, the letter store and the dispatcher: GOV.UK Notify when
    /// <c>Letters:Notify:ApiKey</c> is set, otherwise the print batch (an embedded default).
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

        services.AddSingleton<PrintBatchLetterDispatcher>();
        services.AddSingleton<ILetterDispatcher>(sp => sp.GetRequiredService<PrintBatchLetterDispatcher>());
        services.AddSingleton<IEmbeddedDefault>(sp => sp.GetRequiredService<PrintBatchLetterDispatcher>());
        return services;
    }
}
