using System.Diagnostics;
using System.Globalization;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Bench;

/// <summary>
/// The vacancy matcher at national scale, in memory, on one thread: index build time, matching
/// time, bytes per parent held by the index; then the naive every-pair check against the index on
/// a subset, side by side on the same data, with the results asserted identical.
/// </summary>
internal static class VacancyMatchingBench
{
    private const int ParentSeed = 20260401;
    private const int VacancySeed = 20260402;

    public static int Run(int parentCount, int vacancyCount, int subsetParents, int subsetVacancies)
    {
        var sectors = VacancyWorld.LoadSectors();
        var parents = VacancyWorld.Parents(sectors, parentCount, ParentSeed);
        var vacancies = VacancyWorld.Vacancies(sectors, vacancyCount, VacancySeed);
        Print($"{parentCount:N0} parents on {sectors.Centroids.Length:N0} postcode sector centroids (drawn by postcodes per sector), {vacancyCount:N0} vacancies ({vacancies.Count(v => v.Hours is null):N0} with unclear hours); seeds {ParentSeed}, {VacancySeed}");

        // Warm up the JIT on a small world so the timed runs are of optimised code.
        var warmParents = parents.Take(20_000).ToList();
        var warm = new IndexedMatcher(warmParents);
        _ = warm.MatchPairs(vacancies.Take(2_000).ToList());
        _ = warm.Match(vacancies.Take(500).ToList());
        _ = new NaiveMatcher(warmParents.Take(2_000).ToList()).Match(vacancies.Take(100).ToList());

        // Build: the input list stays alive throughout, so the difference is what the index holds.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var buildCpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var matcher = new IndexedMatcher(parents);
        var build = clock.Elapsed.TotalSeconds;
        buildCpu = CpuSeconds() - buildCpu;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytesPerParent = (after - before) / (double)parentCount;
        GC.KeepAlive(parents);
        Print($"index build: {build:F2} s (goal <= 2 s; process CPU {buildCpu:F2} s); {matcher.PatternCount:N0} distinct availability patterns in {matcher.PatternClusterCount:N0} clusters, {matcher.CellCount:N0} non-empty bands");
        Print($"index memory: {bytesPerParent:F1} bytes per parent (goal <= 128): managed heap after the build minus before, the parents' input list held outside the index");

        var times = new List<double>();
        var cpuTimes = new List<double>();
        var pauses = new List<double>();
        IReadOnlyList<MatchPair> pairs = [];
        for (var run = 0; run < 3; run++)
        {
            pairs = [];
            var pause = GC.GetTotalPauseDuration();
            var cpu = CpuSeconds();
            clock.Restart();
            pairs = matcher.MatchPairs(vacancies);
            times.Add(clock.Elapsed.TotalSeconds);
            cpuTimes.Add(CpuSeconds() - cpu);
            pauses.Add((GC.GetTotalPauseDuration() - pause).TotalSeconds);
        }

        cpuTimes.Sort();
        pauses.Sort();

        times.Sort();
        Print($"matching {vacancyCount:N0} vacancies: {times[1]:F3} s median of 3 (best {times[0]:F3} s; process CPU median {cpuTimes[1]:F3} s, of which GC pauses {pauses[1]:F3} s; goal <= 0.5 s, one thread): {pairs.Count:N0} matches as (parent, vacancy, km) pairs, reasons written on demand");
        Print($"matches per vacancy: median {Median(pairs, vacancyCount)}, most {pairs.CountBy(p => p.VacancyIndex).Select(g => g.Value).DefaultIfEmpty(0).Max():N0}; parents matched at least once: {pairs.Select(p => p.ParentIndex).Distinct().Count():N0}");

        return Subset(parents.Take(subsetParents).ToList(), vacancies.Take(subsetVacancies).ToList());
    }

    private static int Subset(List<ParentProfile> parents, List<Vacancy> vacancies)
    {
        var clock = Stopwatch.StartNew();
        var naive = new NaiveMatcher(parents).Match(vacancies);
        var naiveSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var matcher = new IndexedMatcher(parents);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        // A run of the indexed matcher is short enough for one hiccup on a shared machine to
        // skew it: the median of 3 (the naive run, seconds long, is timed once).
        IReadOnlyList<VacancyMatch> indexed = [];
        var indexedTimes = new List<double>();
        var pairsTimes = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            clock.Restart();
            indexed = matcher.Match(vacancies);
            indexedTimes.Add(clock.Elapsed.TotalSeconds);

            // The same again without names and reasons, only to show how the indexed time divides.
            clock.Restart();
            _ = matcher.MatchPairs(vacancies);
            pairsTimes.Add(clock.Elapsed.TotalSeconds);
        }

        indexedTimes.Sort();
        pairsTimes.Sort();
        var indexedSeconds = indexedTimes[1];
        var pairsSeconds = pairsTimes[1];

        var identical = naive.SequenceEqual(indexed);
        Print($"subset {parents.Count:N0} parents x {vacancies.Count:N0} vacancies, full matches with reasons, {naive.Count:N0} matches");
        Print($"naive every-pair: {naiveSeconds:F2} s; indexed: {indexedSeconds:F3} s matching, median of 3 (+ {buildSeconds:F3} s build); of the matching, finding the pairs alone takes {pairsSeconds:F3} s, the rest is names and reasons");
        Print($"speed-up: {naiveSeconds / indexedSeconds:F0}x on matching (goal >= 100x), {naiveSeconds / (indexedSeconds + buildSeconds):F0}x with the build");
        Print($"identical: {(identical ? "yes" : "NO")}");
        if (!identical)
        {
            var first = Enumerable.Range(0, Math.Min(naive.Count, indexed.Count)).FirstOrDefault(i => naive[i] != indexed[i], Math.Min(naive.Count, indexed.Count));
            Console.Error.WriteLine($"[vacancies] the indexed matcher differs from the naive one at match {first} (naive {naive.Count}, indexed {indexed.Count})");
            return 1;
        }

        return 0;
    }

    private static string Median(IReadOnlyList<MatchPair> pairs, int vacancyCount)
    {
        var counts = new int[vacancyCount];
        foreach (var pair in pairs)
        {
            counts[pair.VacancyIndex]++;
        }

        Array.Sort(counts);
        return counts.Length == 0 ? "0" : counts[counts.Length / 2].ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>CPU time of the whole process (the matching thread and the GC): on a busy machine, wall time counts other processes too.</summary>
    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static void Print(FormattableString text) => Console.WriteLine("[vacancies] " + text.ToString(CultureInfo.InvariantCulture));
}
