using System.Numerics;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// The parents as the indexed matcher holds them: no object per parent, but one array of small
/// entries (all of a parent's fields the matcher reads side by side). Everything parents share is a
/// small id into a de-duplicated table: availability patterns, interest sets and hours-a-week bounds.
/// <para>
/// A parent is listed once under each of their interests (or once under "any job" when they have
/// none). A site is one interest's parents at one start point (postcode sector centroids in
/// practice, so many parents share one); each interest's sites are kept apart from the others', so
/// a vacancy reads only the sites of its own category and keywords, and those side by side. Within
/// a site the parents are split into segments by group: their availability pattern's cluster (the
/// days and two-hour blocks it covers) and whether they need term time only. A vacancy skips every
/// segment of a group none of whose patterns can fit its hours (or of term-time-only parents, for a
/// year-round job), and reads the others longest reach first, only as far as reach covers the distance.
/// </para>
/// <para>
/// An interest's sites are kept by reach class (the longest reach at the site; far-reaching
/// outliers apart), in latitude bands a third of the class's reach high, each band sorted by
/// longitude, so a search reads a few bands and, in each, one run of longitudes.
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

    /// <summary>
    /// Upper reach of each class in km; reaches beyond the last share one class. Everyday reaches
    /// share the first: finer classes made more bands to look up than they saved sites to read.
    /// </summary>
    private static readonly double[] ReachClassLimitsKm = [20, 50, 100];

    private const double MinBandKm = 0.25;

    /// <summary>Where an entry's group and reach rank sit in the key its site's entries are sorted by (the parent below).</summary>
    private const int GroupShift = 57;
    private const int ReachRankShift = 31;

    /// <summary>Quarters in a block of the day that <see cref="Clusters"/> tells patterns apart by: two hours.</summary>
    private const int QuartersPerBlock = 8;

    /// <summary>Beyond this many clusters a coarser clustering is used.</summary>
    private const int MaxClusters = 32;

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
        var pointLocation = new List<(double Latitude, double Longitude)>();
        var reaches = new HashSet<double>();
        var reachOf = new double[parents.Count];
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
            reachOf[i] = parent.MaxTravelKm;

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
            var key = string.Join(',', setTerms);
            if (!interestSets.TryGetValue(key, out var set))
            {
                var distinctTerms = setTerms.Distinct().ToArray();
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
                pointLocation.Add((parent.Start.Latitude, parent.Start.Longitude));
            }

            pointOf[i] = point;
        }

        // Availability clusters: patterns alike enough that a job tends to fit all or none of them.
        var patternList = patterns.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        PatternCluster = Clusters(patternList, out var clusterCount);
        ClusterCount = clusterCount;
        var groupCount = clusterCount * 2;
        GroupCount = groupCount;
        if (parents.Count >= 1 << (GroupShift - ReachRankShift))
        {
            throw new ArgumentOutOfRangeException(nameof(parents), parents.Count, $"at most {(1 << (GroupShift - ReachRankShift)) - 1} parents");
        }

        // Sites: the parents of one point listed under one list (group key, cluster, term time),
        // each parent once per interest or once under "any job". Entries sorted by list, then point.
        var entryCount = 0;
        for (var i = 0; i < parents.Count; i++)
        {
            entryCount += pointOf[i] < 0 ? 0 : Math.Max(1, termsOfSet[setOf[i]].Length);
        }

        var composites = new ulong[entryCount];
        var byComposite = new int[entryCount];
        var groupOf = new int[parents.Count];
        var pointCount = (ulong)points.Count;
        for (int i = 0, e = 0; i < parents.Count; i++)
        {
            if (pointOf[i] < 0)
            {
                continue;
            }

            var terms = termsOfSet[setOf[i]];
            groupOf[i] = (PatternCluster[patternOf[i]] * 2) + ((flagsOf[i] & TermTimeOnlyFlag) != 0 ? 1 : 0);
            for (var t = 0; t < Math.Max(1, terms.Length); t++)
            {
                var key = terms.Length == 0 ? 0 : 1 + terms[t];
                composites[e] = ((ulong)key * pointCount) + (ulong)pointOf[i];
                byComposite[e++] = i;
            }
        }

        RadixSort(composites, byComposite, 64 - BitOperations.LeadingZeroCount(((ulong)(1 + termIds.Count) * pointCount) + 1));
        var siteKey = new List<int>();
        var sitePoint = new List<int>();
        var siteReach = new List<double>();
        var siteSize = new List<int>();
        var siteGroups = new List<ulong>();
        var entrySite = new int[entryCount];
        for (var e = 0; e < entryCount; e++)
        {
            var i = byComposite[e];
            if (e == 0 || composites[e] != composites[e - 1])
            {
                siteKey.Add((int)(composites[e] / pointCount));
                sitePoint.Add(pointOf[i]);
                siteReach.Add(0);
                siteSize.Add(0);
                siteGroups.Add(0);
            }

            var site = siteKey.Count - 1;
            siteReach[site] = Math.Max(siteReach[site], reachOf[i]);
            siteSize[site]++;
            siteGroups[site] |= 1UL << groupOf[i];
            entrySite[e] = site;
        }

        var siteCount = siteKey.Count;
        PointCount = points.Count;
        KeyCount = 1 + termIds.Count;
        MinLatitude = siteCount == 0 ? 0 : pointLocation.Min(l => l.Latitude);
        var maxLatitude = siteCount == 0 ? 0 : pointLocation.Max(l => l.Latitude);

        // Reach classes: a site's class is that of its longest reach; a class's bands are a third
        // of the longest reach in it high.
        var classCount = ReachClassLimitsKm.Length + 1;
        var classOf = new int[siteCount];
        var radius = new double[classCount];
        for (var k = 0; k < siteCount; k++)
        {
            var reach = siteReach[k];
            var c = Array.FindIndex(ReachClassLimitsKm, limit => reach <= limit);
            classOf[k] = c < 0 ? ReachClassLimitsKm.Length : c;
            radius[classOf[k]] = Math.Max(radius[classOf[k]], reach);
        }

        var bandDegrees = new double[classCount];
        var bandCount = new int[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var bandKm = double.IsFinite(radius[c]) ? Math.Max(radius[c] / 3, MinBandKm) : 180 * KmPerDegreeLatitude;
            bandDegrees[c] = bandKm / KmPerDegreeLatitude;
            bandCount[c] = siteCount == 0 ? 1 : (int)Math.Floor((maxLatitude - MinLatitude) / bandDegrees[c]) + 1;
        }

        // Sites in order of key, class, band, then longitude (then latitude, to be deterministic).
        var siteBand = new int[siteCount];
        var order = new int[siteCount];
        for (var k = 0; k < siteCount; k++)
        {
            siteBand[k] = BandOf(pointLocation[sitePoint[k]].Latitude, MinLatitude, bandDegrees[classOf[k]], bandCount[classOf[k]]);
            order[k] = k;
        }

        Array.Sort(order, (a, b) =>
        {
            var byLane = siteKey[a] != siteKey[b] ? siteKey[a].CompareTo(siteKey[b])
                : classOf[a] != classOf[b] ? classOf[a].CompareTo(classOf[b])
                : siteBand[a].CompareTo(siteBand[b]);
            if (byLane != 0)
            {
                return byLane;
            }

            var (latitudeA, longitudeA) = pointLocation[sitePoint[a]];
            var (latitudeB, longitudeB) = pointLocation[sitePoint[b]];
            return longitudeA != longitudeB ? longitudeA.CompareTo(longitudeB) : latitudeA.CompareTo(latitudeB);
        });

        SiteLatitude = new double[siteCount];
        SiteLongitude = new double[siteCount];
        SiteReach = new double[siteCount];
        SitePoint = new int[siteCount];
        SiteEntries = new int[siteCount + 1];
        SiteGroups = new ulong[siteCount];
        SiteSegments = new int[siteCount + 1];
        var rankOfSite = new int[siteCount];
        var lanes = new List<Lane>();
        var keyLanes = new int[KeyCount + 1];
        var runBand = new List<int>();
        var runStart = new List<int>();
        var runCosine = new List<double>();
        for (var j = 0; j < siteCount; j++)
        {
            var k = order[j];
            rankOfSite[k] = j;
            (SiteLatitude[j], SiteLongitude[j]) = pointLocation[sitePoint[k]];
            SiteReach[j] = siteReach[k];
            SitePoint[j] = sitePoint[k];
            SiteEntries[j + 1] = SiteEntries[j] + siteSize[k];
            SiteGroups[j] = siteGroups[k];
            SiteSegments[j + 1] = SiteSegments[j] + BitOperations.PopCount(siteGroups[k]);

            var c = classOf[k];
            var newLane = j == 0 || siteKey[k] != siteKey[order[j - 1]] || c != classOf[order[j - 1]];
            if (newLane || siteBand[k] != siteBand[order[j - 1]])
            {
                if (newLane)
                {
                    if (lanes.Count > 0)
                    {
                        lanes[^1] = lanes[^1] with { EndRun = runBand.Count };
                    }

                    lanes.Add(new Lane(0, bandDegrees[c], bandCount[c], runBand.Count, runBand.Count));
                    keyLanes[siteKey[k] + 1] = lanes.Count;
                }

                var south = MinLatitude + (siteBand[k] * bandDegrees[c]);
                var north = south + bandDegrees[c];
                runBand.Add(siteBand[k]);
                runStart.Add(j);
                runCosine.Add(Cosine(Math.Max(Math.Abs(south), Math.Abs(north))));
            }

            lanes[^1] = lanes[^1] with { RadiusKm = Math.Max(lanes[^1].RadiusKm, siteReach[k]) };
        }

        if (lanes.Count > 0)
        {
            lanes[^1] = lanes[^1] with { EndRun = runBand.Count };
        }

        // A key without sites ends where the key before it ends.
        for (var key = 1; key <= KeyCount; key++)
        {
            keyLanes[key] = Math.Max(keyLanes[key], keyLanes[key - 1]);
        }

        runStart.Add(siteCount);
        Lanes = [.. lanes];
        KeyLanes = keyLanes;
        RunBand = [.. runBand];
        RunStart = [.. runStart];
        RunCosine = [.. runCosine];

        if (patterns.Count > MaxPatterns)
        {
            throw new ArgumentOutOfRangeException(nameof(parents), patterns.Count, $"more than {MaxPatterns} distinct availability patterns");
        }

        // Entries in site order; within a site longest reach first, then in the parents' order.
        ReachesDescending = [.. reaches.OrderDescending()];
        var reachRank = ReachesDescending.Select((reach, rank) => (reach, rank)).ToDictionary(r => r.reach, r => r.rank);
        var rankOf = new long[parents.Count];
        for (var i = 0; i < parents.Count; i++)
        {
            rankOf[i] = pointOf[i] < 0 ? 0 : ((long)groupOf[i] << GroupShift) | ((long)reachRank[reachOf[i]] << ReachRankShift) | (uint)i;
        }

        var sortKeys = new long[entryCount];
        var fill = SiteEntries[..^1];
        for (var e = 0; e < entryCount; e++)
        {
            var i = byComposite[e];
            sortKeys[fill[rankOfSite[entrySite[e]]]++] = rankOf[i];
        }

        Entries = new Entry[entryCount];
        SegmentStart = new int[SiteSegments[siteCount] + 1];
        SegmentStart[^1] = entryCount;
        for (var j = 0; j < siteCount; j++)
        {
            Array.Sort(sortKeys, SiteEntries[j], SiteEntries[j + 1] - SiteEntries[j]);
            var segment = SiteSegments[j];
            for (var e = SiteEntries[j]; e < SiteEntries[j + 1]; e++)
            {
                if (e == SiteEntries[j] || sortKeys[e] >> GroupShift != sortKeys[e - 1] >> GroupShift)
                {
                    SegmentStart[segment++] = e;
                }
            }
        }

        SegmentReach = new double[SegmentStart.Length - 1];
        for (var segment = 0; segment < SegmentReach.Length; segment++)
        {
            SegmentReach[segment] = reachOf[(int)(sortKeys[SegmentStart[segment]] & int.MaxValue)];
        }

        for (var e = 0; e < entryCount; e++)
        {
            var i = (int)(sortKeys[e] & int.MaxValue);
            Entries[e] = new Entry((int)((sortKeys[e] >> ReachRankShift) & ((1L << (GroupShift - ReachRankShift)) - 1)), i, setOf[i], (patternOf[i] << FlagBits) | flagsOf[i], hoursOf[i]);
        }

        PatternOfParent = patternOf;
        Patterns = patternList;
        PatternWords = [.. patternWords];
        HoursBoundsTable = [.. hours.OrderBy(h => h.Value).Select(h => h.Key)];
        TermIds = termIds;
        SetsByTerm = [.. setsByTerm.Select(s => s.ToArray())];
        InterestSetCount = interestSets.Count;
        MaxQuarters = maxQuarters;
    }

    /// <summary>
    /// Each pattern's cluster: the days it has any time on and, across those days, which two-hour
    /// blocks it touches. Coarser (days only, then one cluster) when that makes too many: every
    /// cluster multiplies the lanes a search may read.
    /// </summary>
    private static int[] Clusters(WeeklyPattern[] patterns, out int count)
    {
        foreach (var coarse in new[] { false, true })
        {
            var ids = new Dictionary<int, int>();
            var clusterOf = new int[patterns.Length];
            for (var p = 0; p < patterns.Length; p++)
            {
                var words = patterns[p].Words;
                var days = 0;
                ulong low = 0, high = 0;
                for (var d = 0; d < WeeklyPattern.DaysPerWeek; d++)
                {
                    days |= (words[2 * d] | words[(2 * d) + 1]) != 0 ? 1 << d : 0;
                    low |= words[2 * d];
                    high |= words[(2 * d) + 1];
                }

                var blocks = 0;
                for (var b = 0; b < WeeklyPattern.QuartersPerDay / QuartersPerBlock && !coarse; b++)
                {
                    var first = b * QuartersPerBlock;
                    var word = first < 64 ? low >> first : high >> (first - 64);
                    blocks |= (word & ((1UL << QuartersPerBlock) - 1)) != 0 ? 1 << b : 0;
                }

                var key = days | (blocks << WeeklyPattern.DaysPerWeek);
                if (!ids.TryGetValue(key, out var id))
                {
                    id = ids.Count;
                    ids.Add(key, id);
                }

                clusterOf[p] = id;
            }

            if (ids.Count <= MaxClusters)
            {
                count = Math.Max(1, ids.Count);
                return clusterOf;
            }
        }

        count = 1;
        return new int[patterns.Length];
    }

    /// <summary>Sorts <paramref name="keys"/> (of at most <paramref name="bits"/> bits) and their items alike, stably, eleven bits at a time.</summary>
    private static void RadixSort(ulong[] keys, int[] items, int bits)
    {
        const int DigitBits = 11;
        var count = new int[1 << DigitBits];
        var keyTarget = new ulong[keys.Length];
        var itemTarget = new int[keys.Length];
        var (keySource, itemSource) = (keys, items);
        for (var shift = 0; shift < bits; shift += DigitBits)
        {
            Array.Clear(count);
            foreach (var key in keySource)
            {
                count[(int)(key >> shift) & ((1 << DigitBits) - 1)]++;
            }

            for (int d = 0, total = 0; d < count.Length; d++)
            {
                (count[d], total) = (total, total + count[d]);
            }

            for (var e = 0; e < keySource.Length; e++)
            {
                var digit = (int)(keySource[e] >> shift) & ((1 << DigitBits) - 1);
                keyTarget[count[digit]] = keySource[e];
                itemTarget[count[digit]++] = itemSource[e];
            }

            (keySource, keyTarget) = (keyTarget, keySource);
            (itemSource, itemTarget) = (itemTarget, itemSource);
        }

        if (!ReferenceEquals(keySource, keys))
        {
            keySource.CopyTo(keys, 0);
            itemSource.CopyTo(items, 0);
        }
    }

    /// <summary>The band of a latitude among <paramref name="bandCount"/> bands <paramref name="bandDegrees"/> high from <paramref name="minLatitude"/>.</summary>
    public static int BandOf(double latitude, double minLatitude, double bandDegrees, int bandCount) =>
        (int)Math.Clamp(Math.Floor((latitude - minLatitude) / bandDegrees), 0, bandCount - 1);

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

    /// <summary>Distinct start points among the indexed parents.</summary>
    public int PointCount { get; }

    /// <summary>Per availability pattern, its cluster.</summary>
    public int[] PatternCluster { get; }

    public int ClusterCount { get; }

    /// <summary>Groups: availability cluster times two, plus one for term-time-only parents (at most 64).</summary>
    public int GroupCount { get; }

    /// <summary>Group keys: 0 for "any job", then 1 + each term id.</summary>
    public int KeyCount { get; }

    public double MinLatitude { get; }

    /// <summary>Where each key's lanes start in <see cref="Lanes"/> (one more than <see cref="KeyCount"/>: the last ends the last key's).</summary>
    public int[] KeyLanes { get; }

    /// <summary>Each key's sites by reach class, in order of key, then class.</summary>
    public Lane[] Lanes { get; }

    /// <summary>Per run (the sites of one lane in one latitude band): the band's number in its lane's class.</summary>
    public int[] RunBand { get; }

    /// <summary>Where each run starts among the sites, then a sentinel: a run ends where the next starts.</summary>
    public int[] RunStart { get; }

    /// <summary>Per run, <see cref="Cosine"/> of its band's latitude furthest from the equator.</summary>
    public double[] RunCosine { get; }

    public double[] SiteLatitude { get; }

    /// <summary>Ascending within each run.</summary>
    public double[] SiteLongitude { get; }

    /// <summary>The longest reach among the site's parents.</summary>
    public double[] SiteReach { get; }

    /// <summary>The site's start point (shared by the sites of all keys there), 0 to <see cref="PointCount"/>.</summary>
    public int[] SitePoint { get; }

    /// <summary>Where each site's entries start, then a sentinel: a site's entries end where the next site's start.</summary>
    public int[] SiteEntries { get; }

    /// <summary>Per site, a bit for each group it has parents in.</summary>
    public ulong[] SiteGroups { get; }

    /// <summary>
    /// Where each site's segments start in <see cref="SegmentStart"/>, then a sentinel: one
    /// segment per bit of <see cref="SiteGroups"/>, in the order of the bits.
    /// </summary>
    public int[] SiteSegments { get; }

    /// <summary>
    /// Where each segment (the entries of one site in one group, longest reach first) starts among
    /// the entries, then a sentinel: a segment ends where the next starts.
    /// </summary>
    public int[] SegmentStart { get; }

    /// <summary>The parents' distinct reaches, longest first: an entry's <see cref="Entry.ReachRank"/> is its reach's place here.</summary>
    public double[] ReachesDescending { get; }

    /// <summary>Per segment, its longest reach (its first entry's), so a segment out of reach is passed over unread.</summary>
    public double[] SegmentReach { get; }

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

    /// <summary>
    /// One key's sites whose longest reach falls in one reach class, in latitude bands
    /// <see cref="BandDegrees"/> high (of <see cref="BandCount"/> from the southmost point);
    /// <see cref="RadiusKm"/> is the longest reach among them. Its non-empty bands are the runs
    /// from <see cref="FirstRun"/> to <see cref="EndRun"/>.
    /// </summary>
    internal readonly record struct Lane(double RadiusKm, double BandDegrees, int BandCount, int FirstRun, int EndRun);

    /// <summary>
    /// A parent under one interest: their reach's rank in <see cref="ReachesDescending"/>, their position in the list the index was built from, their
    /// interest set, availability pattern (shifted past the <see cref="FlagBits"/> flag bits: travel
    /// mode, term-time-only, accepts-unknown-hours) and hours-a-week bounds.
    /// </summary>
    internal readonly record struct Entry(int ReachRank, int Parent, int InterestSet, int PatternAndFlags, int HoursBounds);
}
