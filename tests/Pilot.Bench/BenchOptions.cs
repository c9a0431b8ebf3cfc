using System.Globalization;

namespace Pilot.Bench;

internal sealed record BenchOptions(IReadOnlySet<string> Benches, int Stored, int Due, int Sends, int Gateways, VacancyBenchSizes Vacancies, int LetterRounds, int E2eParents, int E2eVacancies, int RunnerRequests = 500, int RunnerMessages = 500, int EmulatorRows = 20_000)
{
    public bool Run(string name) => Benches.Count == 0 || Benches.Contains(name);

    /// <summary>Arguments: [templates] [tick] [sends] [gateways] [vacancies] [hours] [letters] [--stored N] [--due N] [--sends N] [--gateway-sends N] [--parents N] [--vacancies N] [--subset-parents N] [--subset-vacancies N] [--letter-rounds N] [vacancy-e2e] [--e2e-parents N] [--e2e-vacancies N] [runner] [--runner-requests N] [--runner-messages N] [emulator] [--emulator-rows N].</summary>
    public static BenchOptions Parse(string[] args)
    {
        var benches = new HashSet<string>(StringComparer.Ordinal);
        int stored = 1_000_000, due = 1_000, sends = 5_000, gateways = 10_000, letterRounds = 10, e2eParents = 10_000, e2eVacancies = 500;
        int runnerRequests = 500, runnerMessages = 500, emulatorRows = 20_000;
        int parents = 1_000_000, vacancies = 20_000, subsetParents = 100_000, subsetVacancies = 5_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stored": stored = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--due": due = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--sends": sends = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--gateway-sends": gateways = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--parents": parents = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--vacancies": vacancies = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--subset-parents": subsetParents = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--subset-vacancies": subsetVacancies = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--letter-rounds": letterRounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--e2e-parents": e2eParents = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--e2e-vacancies": e2eVacancies = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runner-requests": runnerRequests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runner-messages": runnerMessages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--emulator-rows": emulatorRows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: benches.Add(args[i]); break;
            }
        }

        return new BenchOptions(benches, stored, due, sends, gateways, new VacancyBenchSizes(parents, vacancies, subsetParents, subsetVacancies), letterRounds, e2eParents, e2eVacancies, runnerRequests, runnerMessages, emulatorRows);
    }
}
