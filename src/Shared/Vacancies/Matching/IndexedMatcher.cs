using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// Matches vacancies against parents held in <see cref="ParentColumns"/>. For each of the
/// vacancy's interests (and "any job") only that interest's sites are read: the latitude bands and,
/// in each, the run of longitudes its longest reach can touch. A site costs a test of its
/// availability groups against those the vacancy leaves open and a lower bound on the distance;
/// one that may be in reach gets the exact distance, computed as <see cref="MatchRules.Evaluate"/>
/// does (once per start point and vacancy, and kept for the next vacancy at the same place), and
/// then the open groups' segments are read, each only as far as reach covers it, every parent for
/// a few table reads prepared once per vacancy (<see cref="VacancyFilter"/>). Vacancies are taken
/// in an order that keeps neighbours on the map together, so what one reads is mostly still in the
/// cache for the next; a vacancy's matches are sorted by parent as one array of (parent, distance
/// slot) keys and read back in the vacancies' order. The verdict on every pair is the naive one.
/// One thread.
/// <para>
/// Holds the caller's parent list (not copied) to name parents and write reasons; the list must
/// not change while the matcher is in use. A parent's <see cref="TravelMode"/> must be defined.
/// </para>
/// </summary>
public sealed class IndexedMatcher : IVacancyMatcher
{
    private const double KmPerDegree = ParentColumns.KmPerDegreeLatitude;

    // Relative and absolute slack on every bound that decides what to skip, far above the
    // rounding error of the few operations behind each bound: a skip is then always safe.
    private const double Slack = 1e-7;
    private const double SlackKm = 1e-9;
    private const double SlackDegrees = 1e-9;

    // Beyond this the longitude run would reach round the world: read the whole band instead.
    private const double WholeBandDegrees = 170;

    private readonly IReadOnlyList<ParentProfile> _parents;
    private readonly ParentColumns _columns;

    /// <summary>Bits enough for any parent's position: what a match's key is sorted on.</summary>
    private readonly int _parentBits;

    public IndexedMatcher(IReadOnlyList<ParentProfile> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        foreach (var parent in parents)
        {
            if (!Enum.IsDefined(parent.Mode))
            {
                throw new ArgumentOutOfRangeException(nameof(parents), parent.Mode, $"parent {parent.Id} has an unknown travel mode");
            }
        }

        _parents = parents;
        _columns = new ParentColumns(parents);
        _parentBits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)parents.Count);
    }

    public int ParentCount => _parents.Count;

    /// <summary>Non-empty (interest, reach class, latitude band) runs the parents' start points are kept in.</summary>
    public int CellCount => _columns.RunBand.Length;

    /// <summary>Distinct start points among the parents (postcode sector centroids in practice).</summary>
    public int PointCount => _columns.PointCount;

    /// <summary>(Interest, start point) pairs with at least one parent: what a vacancy's search reads.</summary>
    public int SiteCount => _columns.SitePoint.Length;

    /// <summary>Parents as listed under their interests (one entry per interest, at least one).</summary>
    public int EntryCount => _columns.EntryCount;

    /// <summary>Distinct availability patterns among the parents.</summary>
    public int PatternCount => _columns.Patterns.Length;

    /// <summary>Clusters the availability patterns fall into: the groups a vacancy can skip are these, times term time or not.</summary>
    public int PatternClusterCount => _columns.ClusterCount;

    /// <summary>Matches by vacancy, then by the parents' order as given (the same list as <see cref="NaiveMatcher"/>).</summary>
    public IReadOnlyList<VacancyMatch> Match(IReadOnlyList<Vacancy> vacancies)
    {
        var pairs = MatchPairs(vacancies);

        // A reason is made of pieces that repeat: each job's hours and each availability pattern
        // are described once, the first time a match needs them.
        var jobDescriptions = new Dictionary<WeeklyPattern, string>();
        var availabilityDescriptions = new string?[_columns.Patterns.Length];
        var patternOf = _columns.PatternOfParent;
        var matches = new VacancyMatch[pairs.Count];
        var vacancyIndex = -1;
        Vacancy? vacancy = null;
        string? jobHours = null;
        var i = 0;
        foreach (var pair in pairs)
        {
            if (pair.VacancyIndex != vacancyIndex)
            {
                vacancyIndex = pair.VacancyIndex;
                vacancy = vacancies[vacancyIndex];
                jobHours = vacancy.Hours is { } hours ? Describe(hours, jobDescriptions) : null;
            }

            var parent = _parents[pair.ParentIndex];
            var availability = string.Empty;
            if (jobHours is not null)
            {
                var pattern = patternOf[pair.ParentIndex];
                availability = availabilityDescriptions[pattern] ??= _columns.Patterns[pattern].Describe();
            }

            var reason = MatchRules.Reason(parent.Mode, vacancy!.TermTimeOnly, pair.DistanceKm, jobHours, availability);
            matches[i++] = new VacancyMatch(parent.Id, vacancy.Ref, pair.DistanceKm, reason);
        }

        return matches;
    }

    /// <summary>The same matches as <see cref="Match"/>, in the same order, without names or reasons.</summary>
    public IReadOnlyList<MatchPair> MatchPairs(IReadOnlyList<Vacancy> vacancies)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        var filter = new VacancyFilter(_columns);
        var found = new Found(_columns.PointCount, _columns.ReachesDescending);

        // Vacancies near each other read mostly the same parents: taken in an order that keeps
        // neighbours together, each finds much of what it reads still in the cache. The matches
        // are then read in the vacancies' order.
        var order = NeighbourOrder(vacancies);
        var staged = new MatchPairList();
        var stagedStart = new int[vacancies.Count];
        var stagedCount = new int[vacancies.Count];
        foreach (var v in order)
        {
            var vacancy = vacancies[v];
            var location = vacancy.Location;
            found.Clear(location);
            if (double.IsFinite(location.Latitude) && double.IsFinite(location.Longitude))
            {
                filter.Prepare(vacancy);
                for (var w = 0; w < filter.GroupCount; w++)
                {
                    var key = filter.GroupIds[w];
                    for (var lane = _columns.KeyLanes[key]; lane < _columns.KeyLanes[key + 1]; lane++)
                    {
                        Search(_columns.Lanes[lane], filter.GroupCodes[w], filter, found);
                    }
                }
            }

            found.SortByParent(_parentBits);
            stagedStart[v] = staged.Count;
            stagedCount[v] = found.Count;
            found.AppendTo(staged, v);
        }

        return new MatchPairsInOrder(staged, stagedStart, stagedCount);
    }

    /// <summary>
    /// The vacancies' positions along a Z-order curve over a grid of about a kilometre, so
    /// neighbours in the order are mostly neighbours on the map; a place that is not a number comes last.
    /// </summary>
    private static int[] NeighbourOrder(IReadOnlyList<Vacancy> vacancies)
    {
        var codes = new ulong[vacancies.Count];
        var order = new int[vacancies.Count];
        for (var v = 0; v < vacancies.Count; v++)
        {
            var location = vacancies[v].Location;
            order[v] = v;
            codes[v] = double.IsFinite(location.Latitude) && double.IsFinite(location.Longitude)
                ? Interleave((uint)Math.Clamp((location.Latitude + 90) * 100, 0, 65535), (uint)Math.Clamp((location.Longitude + 180) * 100, 0, 65535))
                : ulong.MaxValue;
        }

        Array.Sort(codes, order);
        return order;
    }

    /// <summary>The bits of two 16-bit numbers taken alternately.</summary>
    private static ulong Interleave(uint y, uint x)
    {
        ulong code = 0;
        for (var bit = 0; bit < 16; bit++)
        {
            code |= ((ulong)((y >> bit) & 1) << (2 * bit + 1)) | ((ulong)((x >> bit) & 1) << (2 * bit));
        }

        return code;
    }

    /// <summary>The full match for a pair from <see cref="MatchPairs"/>, reason included.</summary>
    public VacancyMatch ToMatch(MatchPair pair, IReadOnlyList<Vacancy> vacancies)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        return MatchRules.Matched(_parents[pair.ParentIndex], vacancies[pair.VacancyIndex], pair.DistanceKm);
    }

    private static string Describe(WeeklyPattern pattern, Dictionary<WeeklyPattern, string> descriptions)
    {
        if (!descriptions.TryGetValue(pattern, out var text))
        {
            text = pattern.Describe();
            descriptions.Add(pattern, text);
        }

        return text;
    }

    /// <summary>Reads the bands of one lane that a trip of the lane's longest reach can touch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(ParentColumns.Lane lane, long code, VacancyFilter filter, Found found)
    {
        var latitude = filter.Location.Latitude;
        var longitude = filter.Location.Longitude;
        var radius = lane.RadiusKm;
        var spanDegrees = (radius * (1 + Slack) / KmPerDegree) + SlackDegrees;
        var minLatitude = _columns.MinLatitude;
        var firstBand = ParentColumns.BandOf(latitude - spanDegrees, minLatitude, lane.BandDegrees, lane.BandCount);
        var lastBand = ParentColumns.BandOf(latitude + spanDegrees, minLatitude, lane.BandDegrees, lane.BandCount);
        var bands = _columns.RunBand;
        var runStarts = _columns.RunStart;
        for (var run = FirstAtOrAfter(bands, lane.FirstRun, lane.EndRun, firstBand); run < lane.EndRun && bands[run] <= lastBand; run++)
        {
            var start = runStarts[run];
            var end = runStarts[run + 1];

            // How far east or west a parent in this band can be: the nearest latitude in the band
            // leaves the most room, and the latitude furthest from the equator (the vacancy's or
            // the band's) the smallest cosine.
            var bandSouth = minLatitude + (bands[run] * lane.BandDegrees);
            var bandNorth = bandSouth + lane.BandDegrees;
            var nearestDegrees = Math.Max(0, Math.Max(bandSouth - latitude, latitude - bandNorth) - SlackDegrees);
            var nearestKm = nearestDegrees * KmPerDegree;
            var eastWestKm = radius * radius <= nearestKm * nearestKm ? 0 : Math.Sqrt((radius * radius) - (nearestKm * nearestKm));
            var cosine = Math.Min(filter.Cosine, _columns.RunCosine[run]);
            var lonDegrees = cosine <= 0 ? double.PositiveInfinity : (eastWestKm * (1 + Slack) / (KmPerDegree * cosine)) + SlackDegrees;

            if (lonDegrees >= WholeBandDegrees)
            {
                Scan(start, end, double.NegativeInfinity, double.PositiveInfinity, longitude, wrap: true, cosine, code, filter, found);
                continue;
            }

            // GeoPoint takes the short way round, so a parent 360 degrees off is as near as one on the spot.
            var westmost = _columns.SiteLongitude[start];
            var eastmost = _columns.SiteLongitude[end - 1];
            for (var turn = -360; turn <= 360; turn += 360)
            {
                var centre = longitude + turn;
                if (centre + lonDegrees >= westmost && centre - lonDegrees <= eastmost)
                {
                    Scan(start, end, centre - lonDegrees, centre + lonDegrees, centre, wrap: false, cosine, code, filter, found);
                }
            }
        }
    }

    /// <summary>The sites of one run from longitude <paramref name="west"/> to <paramref name="east"/>, and their parents.</summary>
    /// <remarks>
    /// The hot loop of the matcher reads its tables without bounds checks: every index is in range
    /// by construction (a pattern id below <see cref="ParentColumns.Patterns"/>' length, which both
    /// fit tables have; flags below 16; a mode below 4; interest set and hours ids from the same
    /// tables the filter sized its arrays by), and <see cref="Found.Reserve"/> first makes room
    /// for every entry of the run.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(int start, int end, double west, double east, double centre, bool wrap, double cosine, long code, VacancyFilter filter, Found found)
    {
        var columns = _columns;
        var longitudes = columns.SiteLongitude;
        var latitudes = columns.SiteLatitude;
        var reaches = columns.SiteReach;
        var siteGroups = columns.SiteGroups;
        var siteSegments = columns.SiteSegments;
        var segmentStarts = columns.SegmentStart;
        var segmentReaches = columns.SegmentReach;
        ref var entries = ref MemoryMarshal.GetArrayDataReference(columns.Entries);
        var open = filter.OpenGroups;
        var location = filter.Location;
        var latitude = location.Latitude;
        var kmPerDegreeEastWest = KmPerDegree * cosine;
        ref var flagsSuit = ref MemoryMarshal.GetArrayDataReference(filter.FlagsSuit);
        ref var fitQuarters = ref MemoryMarshal.GetArrayDataReference(filter.FitQuarters);
        ref var firstTerm = ref MemoryMarshal.GetArrayDataReference(filter.FirstTerm);
        ref var hoursSuit = ref MemoryMarshal.GetArrayDataReference(filter.HoursSuit);
        found.Reserve(columns.SiteEntries[end] - columns.SiteEntries[start]);
        ref var keys = ref MemoryMarshal.GetArrayDataReference(found.Keys);
        var count = found.Count;

        for (var j = FirstAtOrAfter(longitudes, start, end, west); j < end; j++)
        {
            var longitude = longitudes[j];
            if (longitude > east)
            {
                break;
            }

            // None of the vacancy's open groups here, then a lower bound on the distance; the
            // exact distance only when the site may be in reach.
            var all = siteGroups[j];
            var groups = all & open;
            if (groups == 0)
            {
                continue;
            }

            var degreesEastWest = Math.Abs(longitude - centre);
            if (wrap)
            {
                degreesEastWest = Math.Min(degreesEastWest, Math.Abs(degreesEastWest - 360));
            }

            var x = degreesEastWest * kmPerDegreeEastWest;
            var y = (latitudes[j] - latitude) * KmPerDegree;
            var reach = reaches[j];
            var bound = (reach * (1 + Slack)) + SlackKm;
            if ((x * x) + (y * y) > bound * bound)
            {
                continue;
            }

            // The distance exactly as MatchRules measures it, once per point for all its sites.
            var point = columns.SitePoint[j];
            var slot = found.SlotOf(point);
            if (slot < 0)
            {
                slot = found.AddPoint(point, new GeoPoint(latitudes[j], longitude).DistanceKmTo(location));
            }

            var distance = found.DistanceOf(slot);
            if (!(distance <= reach))
            {
                continue;
            }

            ref var trip = ref found.TripOf(slot);
            var lastRank = found.LastRankOf(slot);
            var low = (uint)slot;
            var firstSegment = siteSegments[j];
            while (groups != 0)
            {
                // An open group's segment: its rank among the site's groups is the bits below it.
                var bit = groups & (0 - groups);
                groups ^= bit;
                var segment = firstSegment + BitOperations.PopCount(all & (bit - 1));
                if (!(distance <= segmentReaches[segment]))
                {
                    continue;
                }

                var segmentEnd = segmentStarts[segment + 1];

                // Longest reach first, so the entries in reach are a prefix. Every test is
                // evaluated and the parent written either way; only the count depends on the
                // verdict: which parents pass is close to random, so branches would mispredict.
                for (var e = segmentStarts[segment]; e < segmentEnd; e++)
                {
                    ref readonly var entry = ref Unsafe.Add(ref entries, e);
                    if (entry.ReachRank > lastRank)
                    {
                        break;
                    }

                    var patternAndFlags = entry.PatternAndFlags;
                    var suits = Unsafe.Add(ref flagsSuit, patternAndFlags & ParentColumns.FlagMask)
                        & (Unsafe.Add(ref fitQuarters, patternAndFlags >> ParentColumns.FlagBits) >= Unsafe.Add(ref trip, patternAndFlags & ParentColumns.ModeBits))
                        & (Unsafe.Add(ref firstTerm, entry.InterestSet) == code)
                        & Unsafe.Add(ref hoursSuit, entry.HoursBounds);
                    Unsafe.Add(ref keys, count) = ((ulong)(uint)entry.Parent << 32) | low;
                    count += suits ? 1 : 0;
                }
            }
        }

        found.Count = count;
    }

    /// <summary>The first index in [start, end) whose value is not below <paramref name="value"/> (binary search; specialised per value type by the JIT).</summary>
    private static int FirstAtOrAfter<T>(T[] sorted, int start, int end, T value)
        where T : struct, System.Numerics.IComparisonOperators<T, T, bool>
    {
        while (start < end)
        {
            var middle = start + ((end - start) >> 1);
            if (sorted[middle] < value)
            {
                start = middle + 1;
            }
            else
            {
                end = middle;
            }
        }

        return start;
    }

    /// <summary>
    /// One vacancy's matches so far, each as the parent's position (high half) and the slot of its
    /// point's distance (low half), so sorting the keys sorts by parent; grown as needed. A point's
    /// distance is worked out once per vacancy, whichever of the vacancy's interests reads it first.
    /// </summary>
    private sealed class Found(int pointCount, double[] reachesDescending)
    {
        private int[] _lastRanks = new int[256];
        /// <summary>Per point, the stamp of the place it was last measured from (high half) and its slot (low half).</summary>
        private readonly long[] _slotOfPoint = new long[pointCount];
        private long _stamp;
        private double[] _distances = new double[256];
        private int[] _trips = new int[256 * 4];
        private int _points;
        private GeoPoint _location;
        private ulong[] _scratch = [];
        private readonly int[] _digits = new int[1 << 11];

        public ulong[] Keys { get; private set; } = new ulong[1024];

        public int Count { get; set; }

        /// <summary>
        /// Ready for a vacancy at <paramref name="location"/>: the points' distances are kept when
        /// the previous vacancy was at exactly the same place (vacancies share postcode centroids).
        /// </summary>
        public void Clear(GeoPoint location)
        {
            Count = 0;
            if (BitConverter.DoubleToInt64Bits(location.Latitude) != BitConverter.DoubleToInt64Bits(_location.Latitude)
                || BitConverter.DoubleToInt64Bits(location.Longitude) != BitConverter.DoubleToInt64Bits(_location.Longitude)
                || _stamp == 0)
            {
                _points = 0;
                _stamp++;
                _location = location;
            }
        }

        /// <summary>The slot of a point's distance for this vacancy, or -1 when not yet worked out.</summary>
        public int SlotOf(int point)
        {
            var stamped = _slotOfPoint[point];
            return stamped >> 32 == _stamp ? (int)stamped : -1;
        }

        public double DistanceOf(int slot) => _distances[slot];

        /// <summary>The highest <see cref="ParentColumns.Entry.ReachRank"/> in reach of the slot's point.</summary>
        public int LastRankOf(int slot) => _lastRanks[slot];

        /// <summary>Keeps a point's distance; the slot its matches refer to.</summary>
        public int AddPoint(int point, double distance)
        {
            _slotOfPoint[point] = (_stamp << 32) | (uint)_points;
            if (_points == _distances.Length)
            {
                Array.Resize(ref _distances, _points * 2);
                Array.Resize(ref _trips, _points * 2 * 4);
                Array.Resize(ref _lastRanks, _points * 2);
            }

            _distances[_points] = distance;

            // The rank of the shortest reach that still covers the distance: an entry is in
            // reach exactly when its rank is at most this (-1 when no reach covers it).
            int low = 0, high = reachesDescending.Length;
            while (low < high)
            {
                var middle = low + ((high - low) >> 1);
                if (reachesDescending[middle] >= distance)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            _lastRanks[_points] = low - 1;

            // The trip in quarters for each mode, as MatchRules rounds it (unknown hours do not
            // need it: every pattern's fit is then AnyTrip, which any trip passes).
            var trips = _trips.AsSpan(_points * 4, 4);
            trips[(int)TravelMode.Walk] = TravelTime.Quarters(distance, TravelMode.Walk);
            trips[(int)TravelMode.Bus] = TravelTime.Quarters(distance, TravelMode.Bus);
            trips[(int)TravelMode.Car] = TravelTime.Quarters(distance, TravelMode.Car);
            return _points++;
        }

        /// <summary>The trips of a point's slot, by travel mode.</summary>
        public ref int TripOf(int slot) => ref _trips[slot * 4];

        /// <summary>Room for <paramref name="more"/> keys after <see cref="Count"/>.</summary>
        public void Reserve(int more)
        {
            if (Count + more > Keys.Length)
            {
                var keys = Keys;
                Array.Resize(ref keys, Math.Max(keys.Length * 2, Count + more));
                Keys = keys;
            }
        }

        /// <summary>
        /// Sorts the keys by parent (no parent is found twice for one vacancy): a few at a time by
        /// comparison, many by radix on the <paramref name="parentBits"/> of the parent's position.
        /// </summary>
        public void SortByParent(int parentBits)
        {
            const int DigitBits = 11;
            const int Digits = 1 << DigitBits;
            var count = Count;
            if (count < 128)
            {
                Keys.AsSpan(0, count).Sort();
                return;
            }

            if (_scratch.Length < Keys.Length)
            {
                _scratch = new ulong[Keys.Length];
            }

            var source = Keys;
            var target = _scratch;
            for (var shift = 32; shift < 32 + parentBits; shift += DigitBits)
            {
                Array.Clear(_digits);
                for (var i = 0; i < count; i++)
                {
                    _digits[(int)(source[i] >> shift) & (Digits - 1)]++;
                }

                for (int d = 0, total = 0; d < Digits; d++)
                {
                    (_digits[d], total) = (total, total + _digits[d]);
                }

                for (var i = 0; i < count; i++)
                {
                    target[_digits[(int)(source[i] >> shift) & (Digits - 1)]++] = source[i];
                }

                (source, target) = (target, source);
            }

            Keys = source;
            _scratch = target;
        }

        /// <summary>Appends the matches, as sorted, as pairs for vacancy <paramref name="vacancy"/>.</summary>
        public void AppendTo(MatchPairList pairs, int vacancy)
        {
            var keys = Keys.AsSpan(0, Count);
            var distances = _distances;
            foreach (var key in keys)
            {
                pairs.Add(new MatchPair((int)(key >> 32), vacancy, distances[(int)(uint)key]));
            }
        }
    }
}

