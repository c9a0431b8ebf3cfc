using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Secrets;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.WfiInvitations.Bulk;
using Pilot.Shared.WfiInvitations.Choosing;
using Pilot.Shared.WfiInvitations.Letters;
using Pilot.Shared.WfiInvitations.TakeUp;

namespace Pilot.Shared.WfiInvitations;

public static class WfiInvitationsServiceCollectionExtensions
{
    /// <summary>
    /// WFI location-choice invitations. The letter renderer and dispatcher (<c>ILetterRenderer</c>,
    /// <c>ILetterDispatcher</c>) are registered by the Letters capability.
    /// </summary>
    public static IServiceCollection AddWfiInvitations(this IServiceCollection services)
    {
        services.AddOptions<WfiOptions>().BindConfiguration(WfiOptions.Section)
            .Validate(o => o.TokenSigningKey.Trim().Length >= 32 && !SecretValue.IsUnresolvedKeyVaultReference(o.TokenSigningKey), "Wfi:TokenSigningKey must be set, at least 32 characters (an unresolved Key Vault reference is not a key)")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Wfi:PublicBaseUrl must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton<WfiInvitationStore>();
        services.AddSingleton<WfiLetterJobWriter>();
        services.AddSingleton<WfiChoices>();
        services.AddSingleton<WfiInvitationDesk>();
        services.AddSingleton<WfiBulkImport>();
        services.AddSingleton<WfiLetterJobs>();
        services.AddSingleton<WfiDefaults>();
        services.AddSingleton<WfiChoicePages>();
        services.AddSingleton<WfiTakeUpReport>();
        services.AddSingleton<WfiDemoInvitation>();
        services.AddSingleton<WfiDemoMonth>();
        services.AddSingleton<WfiTextReplies>();
        services.AddSingleton<IInboundReplyHandler>(sp => sp.GetRequiredService<WfiTextReplies>());
        return services;
    }
}
