using Pilot.FaultRun.StorageFaults;

namespace Pilot.FaultRun;

/// <summary>The size and shape of one fault-injection run.</summary>
/// <param name="Reminders">Reminders due in the window.</param>
/// <param name="WindowMinutes">Due minutes the reminders are spread over, starting at the current minute.</param>
/// <param name="Kills">How many kills (SIGKILL), evenly through the window: odd ones the worker process alone (the runner restarts it), even ones the runner with its worker (restarted by the run).</param>
/// <param name="Storage">Azurite's connection string.</param>
/// <param name="LogDirectory">Where the runner's logs go (one file per run).</param>
public sealed record FaultRunOptions(int Reminders, int WindowMinutes, int Kills, string Storage, string LogDirectory)
{
    /// <summary>Share of requests each provider answers 5xx.</summary>
    public double ServerErrorRate { get; init; } = 0.20;

    /// <summary>Share answered 429 with Retry-After.</summary>
    public double ThrottleRate { get; init; } = 0.10;

    /// <summary>Share accepted and then answered with a dropped connection.</summary>
    public double DropAfterAcceptRate { get; init; } = 0.03;

    public int RetryAfterSeconds { get; init; } = 1;

    public TimeSpan LatencyMin { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan LatencyMax { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Share of send-queue messages delivered twice.</summary>
    public double DuplicateMessageRate { get; init; } = 0.05;

    /// <summary>Share of alert texts' send-queue messages and of WFI letter jobs delivered twice (the short test raises it for its few).</summary>
    public double MixDuplicateRate { get; init; } = 0.05;

    /// <summary>Share of parents who text STOP before the window (every 20th for 5%).</summary>
    public double OptedOutRate { get; init; } = 0.05;

    /// <summary>Most reminders per parent (there are 1,000 fictional numbers, 07700 900000-900999).</summary>
    public int RemindersPerParent { get; init; } = 10;

    /// <summary>
    /// The runner's queue-message lease (the host's is 10 minutes); a killed runner's messages come back after
    /// it. Shorter than the host's so that the texts a kill interrupts are settled inside the run's window.
    /// </summary>
    public int ProcessingVisibilitySeconds { get; init; } = 60;

    public int SendingLeaseSeconds { get; init; } = 120;

    /// <summary>
    /// <c>Letters:Notify:TimeoutSeconds</c> (default 30): a letter whose Notify answer was lost waits out its sending
    /// lease (the pipeline's total timeout, 4 x this + 60 s, plus 30 s) before Notify is asked; shorter for the run.
    /// </summary>
    public int NotifyTimeoutSeconds { get; init; } = 5;

    public double MessagesPerSecond { get; init; } = 60;

    /// <summary>How long to wait for every text to settle after the window and the last restart.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(20);

    public int Seed { get; init; } = 7;

    /// <summary>Parents (among the reminder parents) opted in to vacancy alerts, about one in ten of them opted out by STOP.</summary>
    public int AlertParents { get; init; } = 100;

    /// <summary>Vacancies that fit every alert parent, posted in batches through the window (at most the weekly cap, 20).</summary>
    public int Vacancies { get; init; } = 10;

    public int VacanciesPerBatch { get; init; } = 2;

    /// <summary>WFI invitations created through the window (<c>POST /api/wfi-invitations</c>); each must get exactly one letter.</summary>
    public int Invitations { get; init; } = 200;

    /// <summary>How often the alert timer runs (<c>Vacancies:AlertSchedule</c>; the default is every 5 minutes).</summary>
    public int AlertScheduleSeconds { get; init; } = 15;

    /// <summary>
    /// <c>Sms:MaxPerNumberPerHour</c> for the run: above the texts one parent gets in it (reminders, alerts and the
    /// companion text), so the hourly cap does not push texts past the run; the cap has its own tests.
    /// </summary>
    public int MaxPerNumberPerHour { get; init; } = 60;

    /// <summary>Storage faults through the proxy in front of Azurite (null: the runner talks to Azurite directly).</summary>
    public StorageFaultDose? StorageFaults { get; init; }

    public TextWriter Progress { get; init; } = TextWriter.Null;
}
