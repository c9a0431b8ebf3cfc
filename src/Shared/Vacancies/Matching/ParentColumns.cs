using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// The parents as the indexed matcher holds them: no object per parent, but one array of small
/// entries (all of a parent's fields the matcher reads side by side), grouped by start point. Start points are postcode sector centroids, so many parents share one:
/// a vacancy then computes one distance per point, not per parent. At each point a parent is
/// listed once under each of their interests (or once under "any job" when they have none), and
/// each list runs longest reach first: a vacancy reads only the lists for its own category and
/// keywords, and in each only the prefix whose reach covers it. Everything parents share is a
/// small id into a de-duplicated table: availability patterns, interest sets and hours-a-week
/// bounds.
/// <para>
/// Points are grouped by reach class (the longest reach among their parents), so a point whose
/// parents only walk is not read by a search meant for drivers; within a class, in latitude bands
/// a third of the class's reach high, sorted by longitude, so a search reads a few bands and, in
/// each, one run of longitudes.
/// </para>
/// </summary>
internal sealed class ParentColumns
{
    public const double KmPerDegreeLatitude = 6371.0088 * Math.PI / 180;

    public const byte ModeBits = 0b0011;
    public const byte TermTimeOnlyFlag = 0b0100;
    public const byte AcceptsUnknownHoursFlag = 0b1000;

    /// <summary>The flags' width in <see cref="Entry.PatternAndFlags"/>.</summary>
    public const int FlagBits = 4;

    public const int FlagMask = (1 << FlagBits) - 1;

    private const int MaxPatterns = int.MaxValue >> FlagBits;

    /// <summary>Upper reach of each class in km; reaches beyond the last share one class.</summary>
    private static readonly double[] ReachClassLimitsKm = [1, 2, 3, 4, 5, 6.5, 8, 10, 12.5, 15, 20, 30, 50, 100];

    private const double MinBandKm = 0.25;

    private const double SlackDegrees = 1e-9;

    public ParentColumns(IReadOnlyList<ParentProfile> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);

        // Per parent, in the caller's order: the shared tables' ids.
        var patterns = new Dictionary<WeeklyPattern, int>();
        var patternWords = new List<ulong>();
        var interestSets = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        var termsOfSet = new List<int[]> { Array.Empty<int>() };
        var setsByTerm = new List<List<int>>();
        var hours = new Dictionary<(double? Min, double? Max), int>();
        var termIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var setTerms = new List<int>();
        var patternOf = new int[parents.Count];
        var setOf = new int[parents.Count];
        var hoursOf = new int[parents.Count];
        var flagsOf = new byte[parents.Count];
        var maxQuarters = 0;

        // A parent whose reach or home is not a number, or whose reach is negative, can never be
        // within reach: leave them out. The others are grouped by the exact bits of their point.
        var pointOf = new int[parents.Count];
        var points = new Dictionary<(long, long), int>();
        var pointReach = new List<double>();
        var pointEntries = new List<int>();
        var pointLocation = new List<(double Latitude, double Longitude)>();
        var reaches = new HashSet<double>();
        for (var i = 0; i < parents.Count; i++)
        {
            var parent = parents[i];
            pointOf[i] = -1;
            if (!(parent.MaxTravelKm >= 0) || !double.IsFinite(parent.Start.Latitude) || !double.IsFinite(parent.Start.Longitude))
            {
                continue;
            }

            Count++;
            flagsOf[i] = (byte)((int)parent.Mode
                | (parent.TermTimeOnly ? TermTimeOnlyFlag : 0)
                | (parent.AcceptsUnknownHours ? AcceptsUnknownHoursFlag : 0));
            maxQuarters = Math.Max(maxQuarters, Math.Min(TravelTime.Quarters(parent.MaxTravelKm, parent.Mode), WeeklyPattern.QuartersPerWeek / 2));
            reaches.Add(parent.MaxTravelKm);

            if (!patterns.TryGetValue(parent.Availability, out var pattern))
            {
                pattern = patterns.Count;
                patterns.Add(parent.Availability, pattern);
                foreach (var word in parent.Availability.Words)
                {
                    patternWords.Add(word);
                }
            }

            patternOf[i] = pattern;

            if (!hours.TryGetValue((parent.MinHours, parent.MaxHours), out var bounds))
            {
                bounds = hours.Count;
                hours.Add((parent.MinHours, parent.MaxHours), bounds);
            }

            hoursOf[i] = bounds;

            // An interest set is keyed by its terms' ids, so "Care" and "care" are one term.
            setTerms.Clear();
            foreach (var interest in parent.Interests)
            {
                if (!termIds.TryGetValue(interest, out var term))
                {
                    term = termIds.Count;
                    termIds.Add(interest, term);
                    setsByTerm.Add([]);
                }

                setTerms.Add(term);
            }

            setTerms.Sort();
            var distinctTerms = setTerms.Distinct().ToArray();
            var key = string.Join(',', distinctTerms);
            if (!interestSets.TryGetValue(key, out var set))
            {
                set = interestSets.Count;
                interestSets.Add(key, set);
                termsOfSet.Add(distinctTerms);
                foreach (var term in distinctTerms)
                {
                    setsByTerm[term].Add(set);
                }
            }

            setOf[i] = set;

            var pointKey = (BitConverter.DoubleToInt64Bits(parent.Start.Latitude), BitConverter.DoubleToInt64Bits(parent.Start.Longitude));
            if (!points.TryGetValue(pointKey, out var point))
            {
                point = points.Count;
                points.Add(pointKey, point);
                pointReach.Add(0);
                pointEntries.Add(0);
                pointLocation.Add((parent.Start.Latitude, parent.Start.Longitude));
            }

            pointOf[i] = point;
            pointReach[point] = Math.Max(pointReach[point], parent.MaxTravelKm);
            pointEntries[point] += Math.Max(1, distinctTerms.Length);
        }

        var pointCount = points.Count;
        MinLatitude = pointCount == 0 ? 0 : pointLocation.Min(l => l.Latitude);
        var maxLatitude = pointCount == 0 ? 0 : pointLocation.Max(l => l.Latitude);
        var classCount = ReachClassLimitsKm.Length + 1;
        var classOf = new byte[pointCount];
        var radius = new double[classCount];
        for (var k = 0; k < pointCount; k++)
        {
            var reach = pointReach[k];
            var c = Array.FindIndex(ReachClassLimitsKm, limit => reach <= limit);
            classOf[k] = (byte)(c < 0 ? ReachClassLimitsKm.Length : c);
            radius[classOf[k]] = Math.Max(radius[classOf[k]], reach);
        }

        Classes = new ReachClass[classCount];
        var firstBand = 0;
        for (var c = 0; c < classCount; c++)
        {
            var bandKm = double.IsFinite(radius[c]) ? Math.Max(radius[c] / 3, MinBandKm) : 180 * KmPerDegreeLatitude;
            var bandDegrees = bandKm / KmPerDegreeLatitude;
            var bands = pointCount == 0 ? 1 : (int)Math.Floor((maxLatitude - MinLatitude) / bandDegrees) + 1;
            Classes[c] = new ReachClass(radius[c], bandDegrees, firstBand, bands);
            firstBand += bands;
        }

        // The smallest cosine of any latitude in each band, padded: what a search's east-west
        // reach in that band is worked out with.
        BandCosine = new double[firstBand];
        foreach (var reachClass in Classes)
        {
            for (var band = 0; band < reachClass.BandCount; band++)
            {
                var south = MinLatitude + (band * reachClass.BandDegrees);
                var north = south + reachClass.BandDegrees;
                BandCosine[reachClass.FirstBand + band] = Cosine(Math.Max(Math.Abs(south), Math.Abs(north)));
            }
        }

        // Points: counting sort by (class, band), then each band by longitude.
        var bandOf = new int[pointCount];
        BandStarts = new int[firstBand + 1];
        for (var k = 0; k < pointCount; k++)
        {
            var reachClass = Classes[classOf[k]];
            bandOf[k] = reachClass.FirstBand + reachClass.BandOf(pointLocation[k].Latitude, MinLatitude);
            BandStarts[bandOf[k] + 1]++;
        }

        for (var b = 0; b < firstBand; b++)
        {
            BandStarts[b + 1] += BandStarts[b];
        }

        var pointOrder = new int[pointCount];
        var next = BandStarts[..^1];
        for (var k = 0; k < pointCount; k++)
        {
            pointOrder[next[bandOf[k]]++] = k;
        }

        PointLongitude = new double[pointCount];
        for (var j = 0; j < pointCount; j++)
        {
            PointLongitude[j] = pointLocation[pointOrder[j]].Longitude;
        }

        for (var b = 0; b < firstBand; b++)
        {
            Array.Sort(PointLongitude, pointOrder, BandStarts[b], BandStarts[b + 1] - BandStarts[b]);
        }

        PointLatitude = new double[pointCount];
        PointReach = new double[pointCount];
        var entryStart = new int[pointCount + 1];
        var rankOfPoint = new int[pointCount];
        for (var j = 0; j < pointCount; j++)
        {
            var k = pointOrder[j];
            rankOfPoint[k] = j;
            PointLatitude[j] = pointLocation[k].Latitude;
            PointReach[j] = pointReach[k];
            entryStart[j + 1] = entryStart[j] + pointEntries[k];
        }

        // Entries: each parent once per interest (group 1 + term id) or once under "any job"
        // (group 0), in their point's run; sorted there by group, then longest reach first.
        var reachRank = reaches.OrderDescending().Select((reach, rank) => (reach, rank)).ToDictionary(r => r.reach, r => r.rank);
        var entryCount = entryStart[pointCount];
        var entryParent = new int[entryCount];
        var entryKey = new long[entryCount];
        var fill = entryStart[..^1];
        for (var i = 0; i < parents.Count; i++)
        {
            if (pointOf[i] < 0)
            {
                continue;
            }

            var rank = reachRank[parents[i].MaxTravelKm];
            var terms = termsOfSet[setOf[i]];
            var run = rankOfPoint[pointOf[i]];
            for (var t = 0; t < Math.Max(1, terms.Length); t++)
            {
                var group = terms.Length == 0 ? 0 : 1 + terms[t];
                entryParent[fill[run]] = i;
                entryKey[fill[run]++] = ((long)group << 32) | (uint)rank;
            }
        }

        var groups = new List<Group>();
        PointKeys = new ulong[pointCount];
        PointGroups = new int[pointCount + 1];
        for (var j = 0; j < pointCount; j++)
        {
            Array.Sort(entryKey, entryParent, entryStart[j], entryStart[j + 1] - entryStart[j]);
            for (var e = entryStart[j]; e < entryStart[j + 1]; e++)
            {
                var group = (int)(entryKey[e] >> 32);
                if (e == entryStart[j] || group != (int)(entryKey[e - 1] >> 32))
                {
                    groups.Add(new Group(group, e, parents[entryParent[e]].MaxTravelKm));
                    PointKeys[j] |= KeyBit(group);
                }
            }

            PointGroups[j + 1] = groups.Count;
        }

        groups.Add(new Group(-1, entryCount, double.NaN));
        Groups = [.. groups];

        if (patterns.Count > MaxPatterns)
        {
            throw new ArgumentOutOfRangeException(nameof(parents), patterns.Count, $"more than {MaxPatterns} distinct availability patterns");
        }

        Entries = new Entry[entryCount];
        for (var e = 0; e < entryCount; e++)
        {
            var i = entryParent[e];
            Entries[e] = new Entry(parents[i].MaxTravelKm, i, setOf[i], (patternOf[i] << FlagBits) | flagsOf[i], hoursOf[i]);
        }

        PatternOfParent = patternOf;
        Patterns = [.. patterns.OrderBy(p => p.Value).Select(p => p.Key)];
        PatternWords = [.. patternWords];
        HoursBoundsTable = [.. hours.OrderBy(h => h.Value).Select(h => h.Key)];
        TermIds = termIds;
        SetsByTerm = [.. setsByTerm.Select(s => s.ToArray())];
        InterestSetCount = interestSets.Count;
        MaxQuarters = maxQuarters;
    }

    /// <summary>The bit a group key sets in <see cref="PointKeys"/> (keys 64 apart share one).</summary>
    public static ulong KeyBit(int key) => 1UL << (key & 63);

    /// <summary>
    /// The cosine of <paramref name="degreesFromEquator"/> padded a little poleward, never more
    /// than the cosine of any latitude that near the equator; 0 at the poles.
    /// </summary>
    public static double Cosine(double degreesFromEquator)
    {
        var degrees = degreesFromEquator + SlackDegrees;
        return degrees >= 90 ? 0 : Math.Max(0, Math.Cos(degrees * Math.PI / 180));
    }

    /// <summary>Parents in the index (those whose home and reach are numbers).</summary>
    public int Count { get; }

    /// <summary>Parents as listed under their interests: one entry per interest, at least one.</summary>
    public int EntryCount => Entries.Length;

    public double MinLatitude { get; }

    public ReachClass[] Classes { get; }

    /// <summary>Where each band starts among the points; bands are numbered across classes.</summary>
    public int[] BandStarts { get; }

    /// <summary>Per band, <see cref="Cosine"/> of its latitude furthest from the equator.</summary>
    public double[] BandCosine { get; }

    /// <summary>Per point, the <see cref="KeyBit"/> of each of its groups' keys: a point without a wanted bit has none of the wanted groups.</summary>
    public ulong[] PointKeys { get; }

    public double[] PointLatitude { get; }

    public double[] PointLongitude { get; }

    /// <summary>The longest reach among the point's parents.</summary>
    public double[] PointReach { get; }

    /// <summary>Where each point's groups start in <see cref="Groups"/>.</summary>
    public int[] PointGroups { get; }

    /// <summary>
    /// Each point's groups, ascending by key within the point, then a sentinel whose
    /// <see cref="Group.Start"/> ends the last group's entries.
    /// </summary>
    public Group[] Groups { get; }

    /// <summary>
    /// A parent under one interest, longest reach first within each group; all of an entry side
    /// by side, so reading a group reads a few cache lines.
    /// </summary>
    public Entry[] Entries { get; }

    /// <summary>Per parent in the caller's order, their availability pattern's id (0 for a parent left out).</summary>
    public int[] PatternOfParent { get; }

    public WeeklyPattern[] Patterns { get; }

    /// <summary>The patterns' words, <see cref="WeeklyPattern.WordCount"/> per pattern.</summary>
    public ulong[] PatternWords { get; }

    public (double? Min, double? Max)[] HoursBoundsTable { get; }

    public IReadOnlyDictionary<string, int> TermIds { get; }

    /// <summary>For each term, the interest sets holding it. Set 0 is the empty set (any job).</summary>
    public int[][] SetsByTerm { get; }

    public int InterestSetCount { get; }

    /// <summary>The longest trip, in quarters, any indexed parent could make (at most half a week).</summary>
    public int MaxQuarters { get; }

    /// <summary>Points whose parents' reach is at most <see cref="RadiusKm"/> (the longest among them), in latitude bands.</summary>
    internal sealed record ReachClass(double RadiusKm, double BandDegrees, int FirstBand, int BandCount)
    {
        public int BandOf(double latitude, double minLatitude) =>
            (int)Math.Clamp(Math.Floor((latitude - minLatitude) / BandDegrees), 0, BandCount - 1);
    }

    /// <summary>
    /// The entries of one point under one group key (0 for "any job", else 1 + the term id), from
    /// <see cref="Start"/> to the next group's start; <see cref="MaxReach"/> is the first (longest) reach.
    /// </summary>
    internal readonly record struct Group(int Key, int Start, double MaxReach);

    /// <summary>
    /// A parent under one interest: their reach in km, their position in the list the index was built from, their
    /// interest set, availability pattern (shifted past the <see cref="FlagBits"/> flag bits: travel
    /// mode, term-time-only, accepts-unknown-hours) and hours-a-week bounds.
    /// </summary>
    internal readonly record struct Entry(double Reach, int Parent, int InterestSet, int PatternAndFlags, int HoursBounds);
}
