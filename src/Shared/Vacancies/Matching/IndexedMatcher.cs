using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// Matches vacancies against parents held in <see cref="ParentColumns"/>: per reach class, only
/// the latitude bands and, in each, the run of longitudes that the class's longest reach can
/// touch are read. Each start point read costs a key mask test and a lower bound on the distance;
/// a point where one of the vacancy's own groups may be in reach gets the exact distance, computed
/// as <see cref="MatchRules.Evaluate"/> does, and then only the parents of those groups whose
/// reach covers it are read, each for a few table reads prepared once per vacancy
/// (<see cref="VacancyFilter"/>). A vacancy's matches are sorted by parent as one array of
/// (parent, distance slot) keys. The verdict on every pair is the naive one. One thread.
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
    }

    public int ParentCount => _parents.Count;

    /// <summary>Non-empty (reach class, latitude band) runs the parents' start points are kept in.</summary>
    public int CellCount => Enumerable.Range(0, _columns.BandStarts.Length - 1).Count(b => _columns.BandStarts[b + 1] > _columns.BandStarts[b]);

    /// <summary>Distinct start points among the parents (postcode sector centroids in practice).</summary>
    public int PointCount => _columns.PointReach.Length;

    /// <summary>Parents as listed under their interests (one entry per interest, at least one).</summary>
    public int EntryCount => _columns.EntryCount;

    /// <summary>Distinct availability patterns among the parents.</summary>
    public int PatternCount => _columns.Patterns.Length;

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
        for (var i = 0; i < matches.Length; i++)
        {
            var pair = pairs[i];
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
            matches[i] = new VacancyMatch(parent.Id, vacancy.Ref, pair.DistanceKm, reason);
        }

        return matches;
    }

    /// <summary>The same matches as <see cref="Match"/>, in the same order, without names or reasons.</summary>
    public IReadOnlyList<MatchPair> MatchPairs(IReadOnlyList<Vacancy> vacancies)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        var filter = new VacancyFilter(_columns);
        var pairs = new MatchPairList();
        var found = new Found();
        for (var v = 0; v < vacancies.Count; v++)
        {
            var vacancy = vacancies[v];
            found.Clear();
            var location = vacancy.Location;
            if (double.IsFinite(location.Latitude) && double.IsFinite(location.Longitude))
            {
                filter.Prepare(vacancy);
                foreach (var reachClass in _columns.Classes)
                {
                    Search(reachClass, filter, found);
                }
            }

            found.SortByParent();
            for (var i = 0; i < found.Count; i++)
            {
                pairs.Add(new MatchPair(found.Parent(i), v, found.Distance(i)));
            }
        }

        return pairs;
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

    /// <summary>Reads the bands of one reach class that a trip of the class's longest reach can touch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(ParentColumns.ReachClass reachClass, VacancyFilter filter, Found found)
    {
        var starts = _columns.BandStarts;
        if (starts[reachClass.FirstBand] == starts[reachClass.FirstBand + reachClass.BandCount])
        {
            return;
        }

        var latitude = filter.Location.Latitude;
        var longitude = filter.Location.Longitude;
        var radius = reachClass.RadiusKm;
        var spanDegrees = (radius * (1 + Slack) / KmPerDegree) + SlackDegrees;
        var south = latitude - spanDegrees;
        var north = latitude + spanDegrees;
        var firstBand = reachClass.BandOf(south, _columns.MinLatitude);
        var lastBand = reachClass.BandOf(north, _columns.MinLatitude);
        for (var band = firstBand; band <= lastBand; band++)
        {
            var start = starts[reachClass.FirstBand + band];
            var end = starts[reachClass.FirstBand + band + 1];
            if (start == end)
            {
                continue;
            }

            // How far east or west a parent in this band can be: the nearest latitude in the band
            // leaves the most room, and the latitude furthest from the equator (the vacancy's or
            // the band's) the smallest cosine.
            var bandSouth = _columns.MinLatitude + (band * reachClass.BandDegrees);
            var bandNorth = bandSouth + reachClass.BandDegrees;
            var nearestDegrees = Math.Max(0, Math.Max(bandSouth - latitude, latitude - bandNorth) - SlackDegrees);
            var nearestKm = nearestDegrees * KmPerDegree;
            var eastWestKm = radius * radius <= nearestKm * nearestKm ? 0 : Math.Sqrt((radius * radius) - (nearestKm * nearestKm));
            var cosine = Math.Min(filter.Cosine, _columns.BandCosine[reachClass.FirstBand + band]);
            var lonDegrees = cosine <= 0 ? double.PositiveInfinity : (eastWestKm * (1 + Slack) / (KmPerDegree * cosine)) + SlackDegrees;

            if (lonDegrees >= WholeBandDegrees)
            {
                Scan(start, end, double.NegativeInfinity, double.PositiveInfinity, longitude, wrap: true, cosine, filter, found);
                continue;
            }

            // GeoPoint takes the short way round, so a parent 360 degrees off is as near as one on the spot.
            var westmost = _columns.PointLongitude[start];
            var eastmost = _columns.PointLongitude[end - 1];
            for (var turn = -360; turn <= 360; turn += 360)
            {
                var centre = longitude + turn;
                if (centre + lonDegrees >= westmost && centre - lonDegrees <= eastmost)
                {
                    Scan(start, end, centre - lonDegrees, centre + lonDegrees, centre, wrap: false, cosine, filter, found);
                }
            }
        }
    }

    /// <summary>The points of one band from longitude <paramref name="west"/> to <paramref name="east"/>, and their parents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(int start, int end, double west, double east, double centre, bool wrap, double cosine, VacancyFilter filter, Found found)
    {
        var longitudes = _columns.PointLongitude;
        var latitudes = _columns.PointLatitude;
        var pointReaches = _columns.PointReach;
        var pointKeys = _columns.PointKeys;
        var wantedKeys = filter.KeyBits;
        var location = filter.Location;
        var latitude = location.Latitude;
        var kmPerDegreeEastWest = KmPerDegree * cosine;

        for (var j = FirstAtOrAfter(longitudes, start, end, west); j < end; j++)
        {
            var longitude = longitudes[j];
            if (longitude > east)
            {
                break;
            }

            // A point without any of the wanted groups, then a lower bound on the distance.
            if ((pointKeys[j] & wantedKeys) == 0)
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
            var nearest = (x * x) + (y * y);
            var bound = (pointReaches[j] * (1 + Slack)) + SlackKm;
            if (nearest > bound * bound)
            {
                continue;
            }

            ScanPoint(j, nearest, location, filter, found);
        }

        Flush(filter, found);
    }

    /// <summary>
    /// The point's parents listed under the vacancy's terms (or under "any job") whose reach
    /// covers the distance: in each list a prefix, as the longest reach comes first. The exact
    /// distance is worked out only once a wanted group's longest reach passes the lower bound
    /// <paramref name="nearestSquared"/> (in km squared).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanPoint(int point, double nearestSquared, GeoPoint location, VacancyFilter filter, Found found)
    {
        var distance = double.NaN;
        var keyBits = _columns.PointKeys[point];

        // Both lists ascend: each wanted group is searched for after the previous one found.
        var groups = _columns.Groups;
        var from = _columns.PointGroups[point];
        var last = _columns.PointGroups[point + 1];
        var wanted = filter.GroupIds;
        var codes = filter.GroupCodes;
        var count = filter.GroupCount;
        var slot = -1;
        for (var w = 0; w < count && from < last; w++)
        {
            var key = wanted[w];
            if ((keyBits & ParentColumns.KeyBit(key)) == 0)
            {
                continue;
            }

            int low = from, high = last;
            while (low < high)
            {
                var middle = low + ((high - low) >> 1);
                if (groups[middle].Key < key)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            from = low;
            if (low < last && groups[low].Key == key)
            {
                // The longest reach comes first: if it falls short, so does the whole group.
                var group = groups[low];
                var bound = (group.MaxReach * (1 + Slack)) + SlackKm;
                if (!(nearestSquared <= bound * bound))
                {
                    from = low + 1;
                    continue;
                }

                if (double.IsNaN(distance))
                {
                    // The distance exactly as MatchRules measures it, once for all the point's parents.
                    distance = new GeoPoint(_columns.PointLatitude[point], _columns.PointLongitude[point]).DistanceKmTo(location);
                }

                if (distance <= group.MaxReach)
                {
                    if (slot < 0)
                    {
                        slot = found.AddPoint(distance, filter.HoursKnown);
                    }

                    // Read later, a few groups at a time: the first read of each brings its entries in.
                    if (found.Defer(new Pending(group.Start, groups[low + 1].Start, distance, slot, codes[w]), _columns.Entries))
                    {
                        Flush(filter, found);
                    }
                }

                from = low + 1;
            }
        }
    }

    /// <summary>Reads the deferred groups, in the order they were found.</summary>
    private void Flush(VacancyFilter filter, Found found)
    {
        var pending = found.Pending;
        for (var p = 0; p < found.PendingCount; p++)
        {
            ScanGroup(pending[p], filter, found);
        }

        found.PendingCount = 0;
    }

    /// <summary>The group's entries whose reach covers its distance (a prefix).</summary>
    /// <remarks>
    /// The hot loop of the matcher reads its tables without bounds checks: every index is in range
    /// by construction (a pattern id below <see cref="ParentColumns.Patterns"/>' length, which both
    /// fit tables have; flags below 16; a mode below 4; interest set and hours ids from the same
    /// tables the filter sized its arrays by), and <see cref="Found.Reserve"/> makes room for every key.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanGroup(Pending group, VacancyFilter filter, Found found)
    {
        var entries = _columns.Entries.AsSpan(group.Start, group.End - group.Start);
        var distance = group.Distance;
        var code = group.Code;
        ref var trip = ref found.TripOf(group.Slot);
        ref var flagsSuit = ref MemoryMarshal.GetArrayDataReference(filter.FlagsSuit);
        ref var fitQuarters = ref MemoryMarshal.GetArrayDataReference(filter.FitQuarters);
        ref var firstTerm = ref MemoryMarshal.GetArrayDataReference(filter.FirstTerm);
        ref var hoursSuit = ref MemoryMarshal.GetArrayDataReference(filter.HoursSuit);

        found.Reserve(entries.Length);
        ref var keys = ref MemoryMarshal.GetArrayDataReference(found.Keys);
        var count = found.Count;
        var low = (uint)group.Slot;

        // Every test is evaluated and the parent written either way; only the count depends on
        // the verdict. Which parents pass is close to random, so branches would mostly mispredict.
        foreach (ref readonly var entry in entries)
        {
            if (!(distance <= entry.Reach))
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

        found.Count = count;
    }

    private static int FirstAtOrAfter(double[] sorted, int start, int end, double value)
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

    /// <summary>A group found in reach, waiting to be read: its entries, the point's distance and slot, and the group's code.</summary>
    private readonly record struct Pending(int Start, int End, double Distance, int Slot, long Code);

    /// <summary>
    /// One vacancy's matches so far, each as the parent's position (high half) and the slot of its
    /// point's distance (low half), so sorting the keys sorts by parent; grown as needed.
    /// </summary>
    private sealed class Found
    {
        private const int PendingSize = 16;

        private double[] _distances = new double[256];
        private int[] _trips = new int[256 * 4];
        private int _points;
        private int _touched;

        public ulong[] Keys { get; private set; } = new ulong[1024];

        public int Count { get; set; }

        public void Clear()
        {
            Count = 0;
            _points = 0;
        }

        /// <summary>Keeps a point's distance; the slot its matches refer to.</summary>
        public int AddPoint(double distance, bool hoursKnown)
        {
            if (_points == _distances.Length)
            {
                Array.Resize(ref _distances, _points * 2);
                Array.Resize(ref _trips, _points * 2 * 4);
            }

            _distances[_points] = distance;

            // The trip in quarters for each mode, as MatchRules rounds it; only known hours need
            // it (for unknown hours every pattern's fit is AnyTrip, and a trip of 0 passes).
            var trips = _trips.AsSpan(_points * 4, 4);
            if (hoursKnown)
            {
                trips[(int)TravelMode.Walk] = TravelTime.Quarters(distance, TravelMode.Walk);
                trips[(int)TravelMode.Bus] = TravelTime.Quarters(distance, TravelMode.Bus);
                trips[(int)TravelMode.Car] = TravelTime.Quarters(distance, TravelMode.Car);
            }
            else
            {
                trips.Clear();
            }

            return _points++;
        }

        /// <summary>The trips of a point's slot, by travel mode.</summary>
        public ref int TripOf(int slot) => ref _trips[slot * 4];

        public Pending[] Pending { get; } = new Pending[PendingSize];

        public int PendingCount { get; set; }

        /// <summary>Queues a group and touches its first entry; true when the queue is full.</summary>
        public bool Defer(Pending group, ParentColumns.Entry[] entries)
        {
            _touched ^= entries[group.Start].Parent;
            Pending[PendingCount++] = group;
            return PendingCount == PendingSize;
        }

        /// <summary>What the touches read, kept so they are not optimised away.</summary>
        public int Touched => _touched;

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

        public void SortByParent() => Keys.AsSpan(0, Count).Sort();

        public int Parent(int i) => (int)(Keys[i] >> 32);

        public double Distance(int i) => _distances[(int)(uint)Keys[i]];
    }
}
