using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Hosting;

namespace Pilot.Shared.Sms.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>What the provider webhooks need: signature checks, delivery receipts' entry points, inbound texts.</summary>
    public static IServiceCollection AddInboundSms(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).CheckedOnStart();
        services.AddSingleton<TwilioSignature>();
        services.AddSingleton<InboundTextStore>();
        services.AddSingleton<WebhookReceipts>();
        services.AddSingleton<InboundTexts>();
        services.AddSingleton<TwilioWebhooks>();
        services.AddSingleton<AcsEventGridWebhook>();
        return services;
    }
}
