using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Appointments;
using Pilot.Shared.Hosting;
using Pilot.Shared.Parents.Changes;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Shared.Parents.OwnPage;

public static class ParentPagesServiceCollectionExtensions
{
    /// <summary>A parent's own page and link, the one service that changes a parent's job search, and the CHANGE reply.</summary>
    public static IServiceCollection AddParentPages(this IServiceCollection services)
    {
        services.AddOptions<ParentPageOptions>().BindConfiguration(ParentPageOptions.Section)
            .CheckedOnStart(o => OptionsChecks.Range("ParentPage:LinkLifetimeDays", o.LinkLifetimeDays, 1, 90));
        services.AddSingleton<ParentPreferences>();
        services.AddSingleton<ParentAppointments>();
        services.AddSingleton<ParentLinks>();
        services.AddSingleton<ParentPages>();
        services.AddSingleton<ChangeLinkReplies>();
        services.AddSingleton<IInboundReplyHandler>(sp => sp.GetRequiredService<ChangeLinkReplies>());
        return services;
    }
}
