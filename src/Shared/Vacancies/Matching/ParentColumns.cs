using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// The parents as the indexed matcher holds them: one array per field (no object per parent),
/// grouped by start point. Start points are postcode sector centroids, so many parents share one:
/// a vacancy then computes one distance per point, not per parent. A point's parents are kept
/// longest reach first, so those within reach of a vacancy are a prefix of the run. Everything
/// that parents share is a small id into a de-duplicated table: availability patterns, interest
/// sets and hours-a-week bounds. About 25 bytes a parent, plus the points.
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

    /// <summary>Upper reach of each class in km; reaches beyond the last share one class.</summary>
    private static readonly double[] ReachClassLimitsKm = [1, 2, 3, 4, 5, 6.5, 8, 10, 12.5, 15, 20, 30, 50, 100];

    private const double MinBandKm = 0.25;

    public ParentColumns(IReadOnlyList<ParentProfile> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);

        // A parent whose reach or home is not a number, or whose reach is negative, can never be
        // within reach: leave them out. The others are grouped by the exact bits of their point.
        var pointOf = new int[parents.Count];
        var points = new Dictionary<(long, long), int>();
        var pointReach = new List<double>();
        var pointSize = new List<int>();
        var pointLocation = new List<(double Latitude, double Longitude)>();
        for (var i = 0; i < parents.Count; i++)
        {
            var p = parents[i];
            pointOf[i] = -1;
            if (!(p.MaxTravelKm >= 0) || !double.IsFinite(p.Start.Latitude) || !double.IsFinite(p.Start.Longitude))
            {
                continue;
            }

            var key = (BitConverter.DoubleToInt64Bits(p.Start.Latitude), BitConverter.DoubleToInt64Bits(p.Start.Longitude));
            if (!points.TryGetValue(key, out var point))
            {
                point = points.Count;
                points.Add(key, point);
                pointReach.Add(0);
                pointSize.Add(0);
                pointLocation.Add((p.Start.Latitude, p.Start.Longitude));
            }

            pointOf[i] = point;
            pointReach[point] = Math.Max(pointReach[point], p.MaxTravelKm);
            pointSize[point]++;
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

        // Parents: in their points' order, each point's run longest reach first.
        PointLatitude = new double[pointCount];
        PointReach = new double[pointCount];
        PointStarts = new int[pointCount + 1];
        var rankOfPoint = new int[pointCount];
        for (var j = 0; j < pointCount; j++)
        {
            var k = pointOrder[j];
            rankOfPoint[k] = j;
            PointLatitude[j] = pointLocation[k].Latitude;
            PointReach[j] = pointReach[k];
            PointStarts[j + 1] = PointStarts[j] + pointSize[k];
        }

        Count = PointStarts[pointCount];
        var order = new int[Count];
        var fill = PointStarts[..^1];
        for (var i = 0; i < parents.Count; i++)
        {
            if (pointOf[i] >= 0)
            {
                order[fill[rankOfPoint[pointOf[i]]]++] = i;
            }
        }

        Reach = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            Reach[i] = -parents[order[i]].MaxTravelKm;
        }

        for (var j = 0; j < pointCount; j++)
        {
            Array.Sort(Reach, order, PointStarts[j], PointStarts[j + 1] - PointStarts[j]);
        }

        for (var i = 0; i < Count; i++)
        {
            Reach[i] = -Reach[i];
        }

        Pattern = new int[Count];
        InterestSet = new int[Count];
        HoursBounds = new int[Count];
        Flags = new byte[Count];
        InputIndex = order;

        var patterns = new Dictionary<WeeklyPattern, int>();
        var patternWords = new List<ulong>();
        var interestSets = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        var setsByTerm = new List<List<int>>();
        var hours = new Dictionary<(double? Min, double? Max), int>();
        var termIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var setTerms = new List<int>();
        var maxQuarters = 0;
        for (var i = 0; i < Count; i++)
        {
            var parent = parents[order[i]];
            Flags[i] = (byte)((int)parent.Mode
                | (parent.TermTimeOnly ? TermTimeOnlyFlag : 0)
                | (parent.AcceptsUnknownHours ? AcceptsUnknownHoursFlag : 0));
            maxQuarters = Math.Max(maxQuarters, Math.Min(TravelTime.Quarters(parent.MaxTravelKm, parent.Mode), WeeklyPattern.QuartersPerWeek / 2));

            if (!patterns.TryGetValue(parent.Availability, out var pattern))
            {
                pattern = patterns.Count;
                patterns.Add(parent.Availability, pattern);
                foreach (var word in parent.Availability.Words)
                {
                    patternWords.Add(word);
                }
            }

            Pattern[i] = pattern;

            if (!hours.TryGetValue((parent.MinHours, parent.MaxHours), out var bounds))
            {
                bounds = hours.Count;
                hours.Add((parent.MinHours, parent.MaxHours), bounds);
            }

            HoursBounds[i] = bounds;

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
            var key = string.Join(',', setTerms.Distinct());
            if (!interestSets.TryGetValue(key, out var set))
            {
                set = interestSets.Count;
                interestSets.Add(key, set);
                foreach (var term in setTerms.Distinct())
                {
                    setsByTerm[term].Add(set);
                }
            }

            InterestSet[i] = set;
        }

        Patterns = [.. patterns.OrderBy(p => p.Value).Select(p => p.Key)];
        PatternWords = [.. patternWords];
        HoursBoundsTable = [.. hours.OrderBy(h => h.Value).Select(h => h.Key)];
        TermIds = termIds;
        SetsByTerm = [.. setsByTerm.Select(s => s.ToArray())];
        InterestSetCount = interestSets.Count;
        MaxQuarters = maxQuarters;
    }

    /// <summary>Parents in the index (those whose home and reach are numbers).</summary>
    public int Count { get; }

    public double MinLatitude { get; }

    public ReachClass[] Classes { get; }

    /// <summary>Where each band starts among the points; bands are numbered across classes.</summary>
    public int[] BandStarts { get; }

    public double[] PointLatitude { get; }

    public double[] PointLongitude { get; }

    /// <summary>The longest reach among the point's parents.</summary>
    public double[] PointReach { get; }

    /// <summary>Where each point's parents start in the parent columns.</summary>
    public int[] PointStarts { get; }

    /// <summary>Per parent, longest first within each point.</summary>
    public double[] Reach { get; }

    public int[] Pattern { get; }

    public int[] InterestSet { get; }

    public int[] HoursBounds { get; }

    /// <summary>Travel mode in the low two bits, then term-time-only and accepts-unknown-hours.</summary>
    public byte[] Flags { get; }

    /// <summary>The parent's position in the list the index was built from.</summary>
    public int[] InputIndex { get; }

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
}
