using System.Globalization;
using Pilot.LoadRun;

// The load run behind ./load.sh: reminders, confirmations, vacancy alerts and WFI invitations at a steady rate
// through the local runner (a child process) to the provider simulators; prints throughput, queue latency, queue
// depths and the runner's memory, and a verdict. Storage comes from PILOT_TEST_STORAGE (./load.sh starts Azurite).
// Exit code 1 when it does not keep up.
var minutes = 10;
var rate = 50.0;
var warmup = (int)LoadRunOptions.DefaultWarmup.TotalSeconds;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i++])
    {
        case "--minutes": minutes = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--rate": rate = double.Parse(value, CultureInfo.InvariantCulture); break;
        case "--warmup": warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
        default: throw new ArgumentException($"unknown option {args[i - 1]}; use --minutes N --rate MESSAGES_PER_SECOND --warmup SECONDS");
    }
}

if (minutes < 1 || rate <= 0 || warmup is < 0 or > 60)
{
    throw new ArgumentException("--minutes must be at least 1, --rate above 0 and --warmup from 0 to 60 seconds");
}

var storage = Environment.GetEnvironmentVariable("PILOT_TEST_STORAGE")
    ?? throw new InvalidOperationException("PILOT_TEST_STORAGE is not set: run ./load.sh, which starts Azurite.");
var logs = Path.Combine(Directory.GetCurrentDirectory(), ".load");
Directory.CreateDirectory(logs);
var azurite = (Environment.GetEnvironmentVariable("AZURITE_PIDS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
var report = await LoadRunner.RunAsync(new LoadRunOptions(minutes, rate, storage, logs) { Progress = Console.Out, AzuritePids = azurite, Warmup = TimeSpan.FromSeconds(warmup) });
report.Print(Console.Out);
return report.KeepsUp ? 0 : 1;
