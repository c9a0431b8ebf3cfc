using System.Globalization;
using Pilot.FaultRun;
using Pilot.FaultRun.StorageFaults;

// The fault-injection run behind ./faults.sh: reminders, vacancy alerts and WFI letters through both SMS
// gateways and Notify to the provider simulators with faults injected, the runner killed and restarted,
// then the figures. Storage comes
// from PILOT_TEST_STORAGE (./faults.sh starts a fresh Azurite for it). Exit code 1 when a goal fails.
var reminders = 10_000;
var window = 10;
var kills = 2;
var alertParents = 100;
var vacancies = 10;
var invitations = 200;
var storageFaults = true;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--storage-faults")
    {
        storageFaults = args[i + 1] switch
        {
            "on" => true,
            "off" => false,
            _ => throw new ArgumentException("use --storage-faults on|off"),
        };
        continue;
    }

    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--reminders": reminders = value; break;
        case "--window": window = value; break;
        case "--kills": kills = value; break;
        case "--alert-parents": alertParents = value; break;
        case "--vacancies": vacancies = value; break;
        case "--invitations": invitations = value; break;
        default: throw new ArgumentException($"unknown option {args[i]}; use --reminders N --window MINUTES --kills N --alert-parents N --vacancies N (at most 20) --invitations N --storage-faults on|off");
    }
}

var storage = Environment.GetEnvironmentVariable("PILOT_TEST_STORAGE")
    ?? throw new InvalidOperationException("PILOT_TEST_STORAGE is not set: run ./faults.sh, which starts Azurite.");
var logs = Path.Combine(Directory.GetCurrentDirectory(), ".faults");
Directory.CreateDirectory(logs);
var report = await FaultRunner.RunAsync(new FaultRunOptions(reminders, window, kills, storage, logs)
{
    AlertParents = alertParents,
    Vacancies = vacancies,
    Invitations = invitations,
    StorageFaults = storageFaults ? StorageFaultDose.Full : null,
    Progress = Console.Out,
});
report.Print(Console.Out);
return report.GoalsMet ? 0 : 1;
