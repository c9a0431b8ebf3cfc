using Pilot.FaultRun;
using Pilot.FaultRun.StorageFaults;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.EndToEnd;

/// <summary>
/// The short version of <c>./faults.sh</c>: 300 reminders over two minutes through both gateways to the
/// simulators with the same faults, duplicated queue messages, quiet hours in the window, opted-out parents,
/// and the local runner killed (SIGKILL) once and restarted with the providers the other way round; in the
/// same run 10 parents opted in to vacancy alerts get 4 vacancies (40 alerts, one parent's cancelled for
/// STOP) and 12 WFI invitations go through Notify with the same faults; and a smaller dose of the full run's storage
/// faults (throttling, applied-then-failed requests, latency and a 10 s outage) through the proxy in front of Azurite.
/// </summary>
public sealed class FaultRunTests
{
    [Fact]
    public async Task Reminders_alerts_and_letters_under_provider_and_storage_faults_duplicated_messages_and_a_killed_runner_are_each_sent_once_and_never_against_the_rules()
    {
        await Azurite.EnsureReachableAsync();
        // The child runner's logs join the suite's, so the personal-data scan reads them too.
        var logs = Environment.GetEnvironmentVariable(CapturingLoggerProvider.DirectoryVariable) is { Length: > 0 } suiteLogs
            ? Path.Combine(suiteLogs, "fault-run")
            : Path.Combine(Path.GetTempPath(), "pilot-faults");
        Directory.CreateDirectory(logs);

        var report = await FaultRunner.RunAsync(new FaultRunOptions(Reminders: 300, WindowMinutes: 2, Kills: 2, Azurite.ConnectionString, logs)
        {
            ProcessingVisibilitySeconds = 30,
            // Above the longest a send can take (the pipelines' 60 s total timeout), so a slow send is never settled under it.
            SendingLeaseSeconds = 75,
            DrainTimeout = TimeSpan.FromMinutes(3),
            AlertParents = 10,
            Vacancies = 4,
            Invitations = 12,
            // More than the full run's 5%, so that a few alerts and letter jobs are still delivered twice.
            MixDuplicateRate = 0.25,
            StorageFaults = new StorageFaultDose(0.01, 0.005, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10)),
        });

        var summary = new StringWriter();
        report.Print(summary);
        Assert.True(report.GoalsMet, summary.ToString());
        Assert.Equal(300, report.States.Values.Sum());
        Assert.Equal(300 - report.CancelReasons.GetValueOrDefault("no-consent"), report.DeliveredExactlyOnce);
        Assert.True(report.CancelReasons.GetValueOrDefault("no-consent") > 0, summary.ToString());
        Assert.True(report.TwilioAccepted > 0 && report.AcsAccepted > 0, summary.ToString());
        Assert.True(report.AmbiguousTwilioDrops + report.AcsDrops > 0, summary.ToString());
        Assert.True(report.ThrottlesAnswered > 0, summary.ToString());
        Assert.True(report.DuplicatedQueueMessages > 0, summary.ToString());
        Assert.True(report.MovedOutOfQuietHours > 0, summary.ToString());

        Assert.Equal(40, report.Alerts.Expected);
        var alertsStopped = report.Alerts.CancelReasons.GetValueOrDefault("opted-out");
        Assert.Equal(4, alertsStopped);
        Assert.Equal(40 - alertsStopped, report.Alerts.DeliveredExactlyOnce);
        Assert.True(report.Mix.FeedBatchesDuplicated > 0 && report.Mix.AlertMessagesDuplicated > 0, summary.ToString());

        Assert.True(report.Letters.Invitations >= 12, summary.ToString());
        Assert.Equal(report.Letters.Invitations, report.Letters.WithOneLetter);
        Assert.Equal(report.Letters.Invitations, report.Letters.NotifyLetters);
        Assert.True(report.Mix.LetterJobsDuplicated > 0, summary.ToString());
        Assert.True(report.Letters.NotifyServerErrors + report.Letters.NotifyThrottles > 0, summary.ToString());

        var storage = Assert.IsType<StorageFaultFigures>(report.Storage);
        Assert.True(storage.Counts.Values.Sum(c => c.FailedBefore) > 0, summary.ToString());
        Assert.True(storage.Counts.Values.Sum(c => c.AppliedThenFailed) > 0, summary.ToString());
        Assert.True(storage.Counts.Values.Sum(c => c.DuringOutage) > 0, summary.ToString());
        Assert.True(storage.Outage?.HttpAnswers.Values.Sum() > 0, summary.ToString());
    }
}
