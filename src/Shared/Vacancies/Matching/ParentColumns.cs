using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// The parents as the indexed matcher holds them: one array per field (no object per parent),
/// sorted by reach class, then latitude band, then longitude. Everything that parents share is a
/// small id into a de-duplicated table: availability patterns, interest sets and hours-a-week
/// bounds. About 41 bytes a parent, plus the band table.
/// <para>
/// Reach classes keep a short-reach parent out of a long-reach search: a vacancy searches each
/// class only as far as that class's longest reach. Bands are a third of that reach high, so a
/// search reads a few bands and, in each, one run of longitudes.
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

        // A parent whose reach or home is not a number can never be within reach: leave them out.
        var indexed = new List<int>(parents.Count);
        double minLatitude = double.PositiveInfinity, maxLatitude = double.NegativeInfinity;
        for (var i = 0; i < parents.Count; i++)
        {
            var p = parents[i];
            if (p.MaxTravelKm >= 0 && double.IsFinite(p.Start.Latitude) && double.IsFinite(p.Start.Longitude))
            {
                indexed.Add(i);
                minLatitude = Math.Min(minLatitude, p.Start.Latitude);
                maxLatitude = Math.Max(maxLatitude, p.Start.Latitude);
            }
        }

        MinLatitude = indexed.Count == 0 ? 0 : minLatitude;
        var classCount = ReachClassLimitsKm.Length + 1;
        var classOf = new byte[indexed.Count];
        var radius = new double[classCount];
        for (var k = 0; k < indexed.Count; k++)
        {
            var reach = parents[indexed[k]].MaxTravelKm;
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
            var bands = indexed.Count == 0 ? 1 : (int)Math.Floor((maxLatitude - MinLatitude) / bandDegrees) + 1;
            Classes[c] = new ReachClass(radius[c], bandDegrees, firstBand, bands);
            firstBand += bands;
        }

        // Counting sort by (class, band), then each band by longitude.
        var bandOf = new int[indexed.Count];
        BandStarts = new int[firstBand + 1];
        for (var k = 0; k < indexed.Count; k++)
        {
            var reachClass = Classes[classOf[k]];
            bandOf[k] = reachClass.FirstBand + reachClass.BandOf(parents[indexed[k]].Start.Latitude, MinLatitude);
            BandStarts[bandOf[k] + 1]++;
        }

        for (var b = 0; b < firstBand; b++)
        {
            BandStarts[b + 1] += BandStarts[b];
        }

        var order = new int[indexed.Count];
        var next = BandStarts[..^1];
        for (var k = 0; k < indexed.Count; k++)
        {
            order[next[bandOf[k]]++] = indexed[k];
        }

        Count = order.Length;
        Longitude = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            Longitude[i] = parents[order[i]].Start.Longitude;
        }

        for (var b = 0; b < firstBand; b++)
        {
            Array.Sort(Longitude, order, BandStarts[b], BandStarts[b + 1] - BandStarts[b]);
        }

        Latitude = new double[Count];
        Reach = new double[Count];
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
            Latitude[i] = parent.Start.Latitude;
            Reach[i] = parent.MaxTravelKm;
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

    /// <summary>Where each band starts in the columns; bands are numbered across classes.</summary>
    public int[] BandStarts { get; }

    public double[] Latitude { get; }

    public double[] Longitude { get; }

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

    /// <summary>Parents whose reach is at most <see cref="RadiusKm"/> (the longest among them), in latitude bands.</summary>
    internal sealed record ReachClass(double RadiusKm, double BandDegrees, int FirstBand, int BandCount)
    {
        public int BandOf(double latitude, double minLatitude) =>
            (int)Math.Clamp(Math.Floor((latitude - minLatitude) / BandDegrees), 0, BandCount - 1);
    }
}
