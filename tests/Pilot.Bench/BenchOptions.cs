using System.Globalization;

namespace Pilot.Bench;

internal sealed record BenchOptions(IReadOnlySet<string> Benches, int Stored, int Due, int Sends, int Gateways, int Parents = 10_000, int Vacancies = 500)
{
    public bool Run(string name) => Benches.Count == 0 || Benches.Contains(name);

    /// <summary>Arguments: [templates] [tick] [sends] [--stored N] [--due N] [--sends N] [--gateway-sends N] [vacancy-e2e] [--parents N] [--vacancies N].</summary>
    public static BenchOptions Parse(string[] args)
    {
        var benches = new HashSet<string>(StringComparer.Ordinal);
        int stored = 1_000_000, due = 1_000, sends = 5_000, gateways = 10_000, parents = 10_000, vacancies = 500;
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
                default: benches.Add(args[i]); break;
            }
        }

        return new BenchOptions(benches, stored, due, sends, gateways, parents, vacancies);
    }
}
