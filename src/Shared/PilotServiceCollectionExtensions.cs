using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pilot.Shared.Access;
using Pilot.Shared.Appointments;
using Pilot.Shared.DemoData;
using Pilot.Shared.Hosting;
using Pilot.Shared.Letters;
using Pilot.Shared.Pages;
using Pilot.Shared.Parents;
using Pilot.Shared.Parents.OwnPage;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Retention;
using Pilot.Shared.Secrets;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Costs;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared;

public static class PilotServiceCollectionExtensions
{
    /// <summary>Everything the functions need; the same call serves the Functions host, the local runner and the tests.</summary>
    public static IServiceCollection AddPilot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSecretChecks();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).CheckedOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).Validate(o => TryQuietHours(o), "Sms:QuietHoursStart and Sms:QuietHoursEnd must be HH:mm")
            .Validate(o => o.MaxPerNumberPerHour is >= 1 and <= 100, "Sms:MaxPerNumberPerHour must be from 1 to 100 (networks block more texts an hour to one number)")
            .Validate(o => o.NumberKeySecret.Trim().Length >= 32, "Sms:NumberKeySecret must be at least 32 characters (a random secret: openssl rand -hex 32)")
            .ValidateOnStart();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).CheckedOnStart(o => o.Problems());
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .CheckedOnStart(o => OptionsChecks.Range("Retention:Days", o.Days, 1, 3650));
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section)
            .Validate(o => TimeOnly.TryParseExact(o.DigestTime, "HH:mm", out _), "Vacancies:DigestTime must be HH:mm")
            .CheckedOnStart();

        services.AddSingleton<StorageRequestCounter>();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<ParentStore>();
        services.AddSingleton<VenueStore>();
        services.AddSingleton<VenueCatalogue>();
        services.AddSingleton<AppointmentStore>();
        services.AddSingleton<TextStore>();
        services.AddSingleton<Cursors>();
        services.AddSingleton<NumberKeys>();
        services.AddSingleton<HourlyTextCap>();
        services.AddSingleton<SendQueueWriter>();
        services.AddSingleton<VacancyStore>();
        services.AddSingleton<AlertProfileStore>();
        services.AddSingleton<AlertLedger>();

        services.AddSingleton<ParentRegistration>();
        services.AddSingleton<ParentConsents>();
        services.AddSingleton<Parents.Erasure.ParentErasure>();
        services.AddSingleton<AppointmentBooking>();
        services.AddSingleton<DueReminderDispatcher>();
        services.AddSingleton<TextSender>();
        services.AddSingleton<ScheduledSendGate>();
        services.AddSingleton<DeliveryReceipts>();
        services.AddSingleton<SmsCostReport>();
        services.AddSingleton<VacancyIngestion>();
        services.AddSingleton<VacancyFeed>();
        services.AddSingleton<VacancyAlertPlanner>();
        services.AddSingleton<SendFactsLoader>();
        services.AddSingleton<OutboundTexts>();
        services.AddSingleton<AlertConsents>();
        services.AddSingleton<ParentMatches>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<MessageRetention>();
        services.AddAccess();
        services.AddInboundSms();
        services.AddWfiInvitations();
        services.AddPages();
        services.AddParentPages();

        services.AddSmsGateways(configuration);
        services.AddLetters(configuration);
        return services;
    }

    private static bool TryQuietHours(SmsOptions options)
    {
        try
        {
            _ = options.QuietHours();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
