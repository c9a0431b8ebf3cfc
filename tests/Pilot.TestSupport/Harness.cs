using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Azure.Data.Tables;
using Pilot.Shared;
using Pilot.Shared.Appointments;
using Pilot.Shared.Reminders;
using Pilot.Shared.Secrets;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.TestSupport;

/// <summary>What the fault run and the load run share beside <see cref="RunnerProcess"/>: their own view of the storage, seeding, pacing and progress lines.</summary>
public static class Harness
{
    /// <summary>Pilot's services over these settings (the run's storage and names), silent: the runner's log is the one to read.</summary>
    public static ServiceProvider BuildServices(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        // The runner's development secret for number keys (its appsettings.json), so both see the same hourly-cap rows.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Sms:NumberKeySecret", DevelopmentSecrets.ValueOf("Sms:NumberKeySecret"))])
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddFilter(_ => false));
        services.AddSingleton(TimeProvider.System);
        services.AddPilot(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// An appointment and its one reminder text, written as a booking leaves them (text scheduled, version 1). A booking
    /// made through the API this close to its reminder would plan only the confirmation, so the runs write these.
    /// </summary>
    /// <returns>Where the text is.</returns>
    public static async Task<TextRef> WriteBookedReminderAsync(
        AppointmentStore appointments, TableClient texts, string appointmentId, string parentId, string venueId, string kind, DateTimeOffset dueAt, DateTimeOffset startsAt, DateTimeOffset bookedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(texts);
        var textId = TextEntity.IdFor(appointmentId, 1, kind);
        var reference = new TextRef(DueBuckets.For(dueAt), textId);
        var appointment = new AppointmentEntity
        {
            Id = appointmentId,
            ParentId = parentId,
            VenueId = venueId,
            Kind = "adviser",
            StartsAt = startsAt,
            BookedAt = bookedAt,
        };
        appointment.AddTextRefs([reference]);
        await texts.AddEntityAsync(new TextEntity
        {
            PartitionKey = reference.Bucket,
            RowKey = textId,
            AppointmentId = appointmentId,
            AppointmentVersion = 1,
            ParentId = parentId,
            Kind = kind,
            DueAt = dueAt,
            StateChangedAt = bookedAt,
        }, ct);
        await appointments.TryAddAsync(appointment, ct);
        return reference;
    }

    public static async Task DelayUntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    public static string Elapsed(Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,5:F0} s");
    }

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static void Say(TextWriter progress, FormattableString line)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(line);
        progress.WriteLine(line.ToString(CultureInfo.InvariantCulture));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
