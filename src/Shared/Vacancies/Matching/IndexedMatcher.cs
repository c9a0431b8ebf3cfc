using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// Matches vacancies against parents held in a spatial grid over their start points. Cells are
/// at least the largest <see cref="ParentProfile.MaxTravelKm"/> across in both directions, so a
/// vacancy only needs the parents in its own cell and the eight around it. Availabilities are
/// de-duplicated into a flat table of 64-bit words (parents share a few patterns), and a job's
/// hours widened by each travel time are computed once per vacancy, so the hours test is 14 ANDs.
/// The verdict on each pair comes from <see cref="MatchRules"/>, as in <see cref="NaiveMatcher"/>.
/// <para>The grid is in degrees and does not wrap at the antimeridian: fine for the UK.</para>
/// </summary>
public sealed class IndexedMatcher : IVacancyMatcher
{
    private const double EarthMeanRadiusKm = 6371.0088;
    private const double KmPerDegreeLatitude = EarthMeanRadiusKm * Math.PI / 180;

    // Cells are made 1% larger than the bound so floating-point noise cannot push a pair two cells apart.
    private const double CellMargin = 1.01;

    private readonly ParentProfile[] _parents;
    private readonly int[] _inputOrder;
    private readonly int[] _availabilityOffset;
    private readonly ulong[] _availabilityWords;
    private readonly Dictionary<long, (int Start, int Count)> _cells = [];
    private readonly double _cellLatitude;
    private readonly double _cellLongitude;

    public IndexedMatcher(IReadOnlyList<ParentProfile> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var maxKm = Math.Max(parents.Count == 0 ? 0 : parents.Max(p => p.MaxTravelKm), 0.001);
        var maxLatitudeSpan = maxKm / KmPerDegreeLatitude;

        // Equirectangular distance uses the cosine of the mid-latitude; any pair within reach has
        // its mid-latitude within half a reach of the parent, so the smallest cosine is bounded.
        var maxAbsLatitude = Math.Min(89, (parents.Count == 0 ? 0 : parents.Max(p => Math.Abs(p.Start.Latitude))) + maxLatitudeSpan);
        _cellLatitude = maxLatitudeSpan * CellMargin;
        _cellLongitude = maxKm / (KmPerDegreeLatitude * Math.Cos(maxAbsLatitude * Math.PI / 180)) * CellMargin;

        var order = Enumerable.Range(0, parents.Count)
            .Select(i => (Index: i, Key: CellKey(parents[i].Start.Latitude, parents[i].Start.Longitude)))
            .OrderBy(x => x.Key)
            .ThenBy(x => x.Index)
            .ToArray();

        _parents = new ParentProfile[order.Length];
        _inputOrder = new int[order.Length];
        _availabilityOffset = new int[order.Length];
        var distinct = new Dictionary<WeeklyPattern, int>();
        var words = new List<ulong>();
        for (var i = 0; i < order.Length; i++)
        {
            var parent = parents[order[i].Index];
            _parents[i] = parent;
            _inputOrder[i] = order[i].Index;
            if (!distinct.TryGetValue(parent.Availability, out var offset))
            {
                offset = words.Count;
                distinct.Add(parent.Availability, offset);
                words.AddRange(parent.Availability.Words);
            }

            _availabilityOffset[i] = offset;
            if (i == 0 || order[i - 1].Key != order[i].Key)
            {
                _cells[order[i].Key] = (i, 0);
            }

            var cell = _cells[order[i].Key];
            _cells[order[i].Key] = (cell.Start, cell.Count + 1);
        }

        _availabilityWords = [.. words];
    }

    public int ParentCount => _parents.Length;

    public int CellCount => _cells.Count;

    /// <summary>Matches by vacancy, then by the parents' order as given (the same list as <see cref="NaiveMatcher"/>).</summary>
    public IReadOnlyList<VacancyMatch> Match(IReadOnlyList<Vacancy> vacancies)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        var matches = new List<VacancyMatch>();
        var found = new List<(int Order, VacancyMatch Match)>();
        var widened = new Dictionary<int, ulong[]>();
        foreach (var vacancy in vacancies)
        {
            found.Clear();
            widened.Clear();
            var weeklyHours = MatchRules.WeeklyHours(vacancy);
            var terms = new HashSet<string>(vacancy.Keywords, StringComparer.OrdinalIgnoreCase) { vacancy.Category };
            var cy = CellY(vacancy.Location.Latitude);
            var cx = CellX(vacancy.Location.Longitude);
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if (_cells.TryGetValue(Key(cx + dx, cy + dy), out var cell))
                    {
                        Scan(vacancy, weeklyHours, terms, widened, cell, found);
                    }
                }
            }

            found.Sort((a, b) => a.Order.CompareTo(b.Order));
            matches.AddRange(found.Select(f => f.Match));
        }

        return matches;
    }

    private void Scan(
        Vacancy vacancy,
        double? weeklyHours,
        HashSet<string> terms,
        Dictionary<int, ulong[]> widened,
        (int Start, int Count) cell,
        List<(int Order, VacancyMatch Match)> found)
    {
        for (var i = cell.Start; i < cell.Start + cell.Count; i++)
        {
            var parent = _parents[i];
            if (!MatchRules.TermTimeSuits(parent, vacancy)
                || !MatchRules.HoursPerWeekSuit(parent, weeklyHours)
                || (vacancy.Hours is null && !parent.AcceptsUnknownHours))
            {
                continue;
            }

            var distance = MatchRules.DistanceKm(parent, vacancy);
            if (!MatchRules.WithinReach(parent, distance)
                || (parent.Interests.Count > 0 && !parent.Interests.Any(terms.Contains)))
            {
                continue;
            }

            if (vacancy.Hours is not null)
            {
                var quarters = TravelTime.Quarters(distance, parent.Mode);
                if (!widened.TryGetValue(quarters, out var job))
                {
                    job = vacancy.Hours.Widen(quarters).Words.ToArray();
                    widened.Add(quarters, job);
                }

                if (!WeeklyPattern.IsInside(job, _availabilityWords.AsSpan(_availabilityOffset[i], WeeklyPattern.WordCount)))
                {
                    continue;
                }
            }

            found.Add((_inputOrder[i], MatchRules.Matched(parent, vacancy, distance)));
        }
    }

    private long CellKey(double latitude, double longitude) => Key(CellX(longitude), CellY(latitude));

    private int CellY(double latitude) => (int)Math.Floor(latitude / _cellLatitude);

    private int CellX(double longitude) => (int)Math.Floor(longitude / _cellLongitude);

    private static long Key(int x, int y) => ((long)y << 32) | (uint)x;
}
