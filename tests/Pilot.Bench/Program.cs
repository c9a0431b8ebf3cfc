using System.Diagnostics;
using System.Globalization;
using Pilot.Bench;

// The bench command prints the figures the issues ask for. Storage comes from PILOT_TEST_STORAGE
// (./bench.sh starts a fresh Azurite for it).
var options = BenchOptions.Parse(args);
Console.WriteLine($"Pilot bench on {Environment.ProcessorCount} cores, .NET {Environment.Version}; storage: Azurite");
var total = Stopwatch.StartNew();
if (options.Run("templates"))
{
    TemplatesBench.Run();
}

if (options.Run("tick"))
{
    await DispatchTickBench.RunAsync(options.Stored, options.Due);
}

if (options.Run("sends"))
{
    await SendThroughputBench.RunAsync(options.Sends);
}

if (options.Run("gateways"))
{
    await GatewayBench.RunAsync(options.Gateways);
}

var exitCode = 0;
if (options.Run("vacancies"))
{
    var sizes = options.Vacancies;
    exitCode = VacancyMatchingBench.Run(sizes.Parents, sizes.Vacancies, sizes.SubsetParents, sizes.SubsetVacancies);
}

if (options.Run("hours"))
{
    exitCode = Math.Max(exitCode, HoursCorpusBench.Run());
}

if (options.Run("letters"))
{
    LettersBench.Run(options.LetterRounds);
}

if (options.Run("vacancy-e2e"))
{
    await VacancyEndToEndBench.RunAsync(options.E2eParents, options.E2eVacancies);
}

if (options.Run("runner"))
{
    await RunnerBench.RunAsync(options.RunnerRequests, options.RunnerMessages);
}

if (options.Run("emulator"))
{
    await EmulatorBench.RunAsync(options.EmulatorRows);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench finished in {total.Elapsed.TotalSeconds:F0} s"));
return exitCode;
