using Pilot.Shared.UnitTests.Vacancies;

namespace Pilot.Bench;

/// <summary>
/// Reads the hours corpus of the unit tests (<c>HoursCorpus.tsv</c>, linked into this project) with the parser and
/// prints how many phrasings read as clear, how many of those are right, how many are wrong, and the share of the
/// unambiguous ones read as clear; then each wrong and each missed phrasing. Exit code 1 on any wrong clear reading.
/// </summary>
internal static class HoursCorpusBench
{
    public static int Run()
    {
        var figures = HoursCorpus.Score(HoursCorpus.Load(HoursCorpus.DefaultPath));
        Console.WriteLine("== hours: free-text advert hours against the corpus ==");
        foreach (var line in figures.Lines())
        {
            Console.WriteLine(line);
        }

        foreach (var line in figures.Wrong)
        {
            Console.WriteLine($"  wrong: {line}");
        }

        foreach (var line in figures.Missed)
        {
            Console.WriteLine($"  left unclear: {line}");
        }

        return figures.ClearWrong == 0 && figures.TermTimeWrong == 0 ? 0 : 1;
    }
}
