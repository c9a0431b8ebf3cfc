using System.Globalization;
using Pilot.Shared.Reminders.Planning;

namespace Pilot.Shared.Reminders;

/// <summary>Settings under <c>Reminders:</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>NCRONTAB (6 fields) of the dispatch timer; read by the trigger as <c>%Reminders:DispatchSchedule%</c>.</summary>
    public string DispatchSchedule { get; set; } = "0 * * * * *";

    /// <summary>Queue the dispatch tick fills and the send function drains; <c>%Reminders:SendQueue%</c>.</summary>
    public string SendQueue { get; set; } = "reminder-send";

    /// <summary>
    /// Queue of the texts a person is waiting for right now (a booking's confirmation), drained by its own function so the
    /// minute's reminders never delay them; <c>%Reminders:InteractiveSendQueue%</c>.
    /// </summary>
    public string InteractiveSendQueue { get; set; } = "interactive-send";

    /// <summary>Comma-separated calendar days before (same London clock time), e.g. "1".</summary>
    public string DaysBefore { get; set; } = "1";

    /// <summary>Comma-separated elapsed hours before, e.g. "2".</summary>
    public string HoursBefore { get; set; } = "2";

    /// <summary>How long a send in progress is left alone before another worker settles it.</summary>
    public int SendingLeaseSeconds { get; set; } = 120;

    /// <summary>
    /// Texts of the scheduled lane (the send queue) one process sends at once; the interactive lane is not limited by it
    /// (<see cref="Sms.Outbound.ScheduledSendGate"/>).
    /// </summary>
    public int ScheduledSendConcurrency { get; set; } = 32;

    /// <summary>Most minute-partitions one tick reads when catching up after downtime.</summary>
    public int MaxMinutesPerTick { get; set; } = 180;

    /// <summary>What cannot work, one line per setting; checked at start-up.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(SendQueue))
        {
            yield return "Reminders:SendQueue is empty";
        }

        if (string.IsNullOrWhiteSpace(InteractiveSendQueue) || InteractiveSendQueue == SendQueue)
        {
            yield return "Reminders:InteractiveSendQueue must be set, and differ from Reminders:SendQueue";
        }

        foreach (var (name, value) in new[] { ("Reminders:DaysBefore", DaysBefore), ("Reminders:HoursBefore", HoursBefore) })
        {
            if (value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(v => !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                yield return $"{name} must be whole numbers separated by commas (it is \"{value}\")";
            }
        }

        foreach (var problem in Hosting.OptionsChecks.Range("Reminders:SendingLeaseSeconds", SendingLeaseSeconds, 10, 3600)
            .Concat(Hosting.OptionsChecks.Range("Reminders:MaxMinutesPerTick", MaxMinutesPerTick, 1, 1440))
            .Concat(Hosting.OptionsChecks.Range("Reminders:ScheduledSendConcurrency", ScheduledSendConcurrency, 1, 256)))
        {
            yield return problem;
        }
    }

    public ReminderSchedule Schedule() => new(ParseList(DaysBefore), ParseList(HoursBefore));

    private static int[] ParseList(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))];
}
