using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.WfiInvitations.TakeUp;

namespace Pilot.Shared.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>The staff pages: templates, the signed session and anti-forgery tokens, and each page's builder.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddSingleton<PageTemplates>();
        services.AddSingleton<GovukAssets>();
        services.AddSingleton<PageKeys>();
        services.AddSingleton<PageSessions>();
        services.AddSingleton<AntiForgery>();
        services.AddSingleton<TakeUpPage>();
        services.AddSingleton<WfiInvitations.Console.InvitationPage>();
        services.AddSingleton<WfiInvitations.Console.InvitationListPage>();
        services.AddSingleton<WfiInvitations.Console.NewInvitationPage>();
        services.AddSingleton<WfiInvitations.Console.InvitationUploadPage>();
        services.AddSingleton<WfiInvitations.Console.InvitationLetters>();
        services.AddSingleton<Appointments.Console.AppointmentListPage>();
        services.AddSingleton<Appointments.Console.NewAppointmentPage>();
        services.AddSingleton<Appointments.Console.AppointmentPage>();
        return services;
    }
}
