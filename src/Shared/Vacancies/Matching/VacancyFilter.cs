using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;

namespace Pilot.Shared.Vacancies.Matching;

/// <summary>
/// One vacancy's verdicts on everything parents share, worked out before any parent is read: for
/// each availability pattern the longest trip (in quarters) that still fits the job's hours, which
/// interest sets it meets, which hours-a-week bounds it meets, and which flag combinations suit it.
/// Each parent then costs a few table reads. Job patterns and weekly hours repeat across
/// vacancies, so their tables are kept for the whole batch. Reused from vacancy to vacancy.
/// </summary>
internal sealed class VacancyFilter(ParentColumns parents)
{
    /// <summary>In <see cref="FitQuarters"/>: the job fits this pattern whatever the trip.</summary>
    public const int AnyTrip = int.MaxValue;

    private readonly Dictionary<WeeklyPattern, int[]> _fitsByJob = [];
    private readonly Dictionary<double, bool[]> _hoursByWeeklyHours = [];
    private readonly long[] _firstTerm = new long[parents.InterestSetCount];
    private int[] _groupIds = new int[8];
    private long[] _groupCodes = new long[8];
    private readonly List<int> _terms = [];
    private readonly bool[] _allHours = [.. Enumerable.Repeat(true, parents.HoursBoundsTable.Length)];
    private readonly ulong[] _widened = new ulong[(parents.MaxQuarters + 1) * WeeklyPattern.WordCount];
    private readonly int[] _anyTrip = [.. Enumerable.Repeat(AnyTrip, parents.Patterns.Length)];
    private readonly Dictionary<WeeklyPattern, bool[]> _clustersByJob = [];
    private readonly bool[] _allClusters = [.. Enumerable.Repeat(true, parents.ClusterCount)];
    private int _stamp;

    /// <summary>
    /// A bit per group (availability cluster times two, plus one for term-time-only parents) whose
    /// parents could suit the vacancy; a site's other groups are not read.
    /// </summary>
    public ulong OpenGroups { get; private set; }

    public GeoPoint Location { get; private set; }

    /// <summary>
    /// Per pattern: the most quarters each way that still fit, -1 for none, or <see cref="AnyTrip"/>
    /// (always, for unknown hours: <see cref="FlagsSuit"/> then decides).
    /// </summary>
    public int[] FitQuarters { get; private set; } = [];

    /// <summary>Per flag byte: term time and unknown hours allow the pair.</summary>
    public bool[] FlagsSuit { get; } = new bool[16];

    /// <summary>Per hours-a-week bound id.</summary>
    public bool[] HoursSuit { get; private set; } = [];

    /// <summary>
    /// The groups to read at each point, ascending: "any job" (0), then 1 + each of the vacancy's
    /// terms that some parent has; an entry counts in a group when its interest set's
    /// <see cref="FirstTerm"/> equals the group's code.
    /// </summary>
    public int[] GroupIds => _groupIds;

    /// <summary>Per group in <see cref="GroupIds"/>: the code its entries' interest sets must have.</summary>
    public long[] GroupCodes => _groupCodes;

    public int GroupCount { get; private set; }

    /// <summary>The cosine of the vacancy's latitude, padded as <see cref="ParentColumns.Cosine"/> does.</summary>
    public double Cosine { get; private set; }

    /// <summary>
    /// Per interest set: which of the vacancy's terms it holds first (in the order of
    /// <see cref="GroupIds"/>), tagged with this vacancy. A parent listed under two of the vacancy's
    /// terms counts only under the first, so each pair is found once.
    /// </summary>
    public long[] FirstTerm => _firstTerm;

    public void Prepare(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        Location = vacancy.Location;
        Cosine = ParentColumns.Cosine(Math.Abs(vacancy.Location.Latitude));
        for (var flags = 0; flags < FlagsSuit.Length; flags++)
        {
            FlagsSuit[flags] = MatchRulesFlags(flags, vacancy);
        }

        if (vacancy.Hours is { } job)
        {
            if (!_fitsByJob.TryGetValue(job, out var fits))
            {
                fits = FitsOf(job);
                _fitsByJob.Add(job, fits);
            }

            FitQuarters = fits;
            if (!_clustersByJob.TryGetValue(job, out var clusters))
            {
                // A cluster is worth reading when some pattern in it fits the job with some trip.
                clusters = new bool[parents.ClusterCount];
                for (var p = 0; p < fits.Length; p++)
                {
                    clusters[parents.PatternCluster[p]] |= fits[p] >= 0;
                }

                _clustersByJob.Add(job, clusters);
            }

            SetGroups(clusters, vacancy.TermTimeOnly);
        }
        else
        {
            FitQuarters = _anyTrip;
            SetGroups(_allClusters, vacancy.TermTimeOnly);
        }

        HoursSuit = MatchRules.WeeklyHours(vacancy) is { } weekly ? HoursFor(weekly) : _allHours;

        // The vacancy's terms that some parent has, each once, ascending by id.
        _terms.Clear();
        AddTerm(vacancy.Category);
        foreach (var keyword in vacancy.Keywords)
        {
            AddTerm(keyword);
        }

        _terms.Sort();
        _stamp++;
        var tag = (long)_stamp << 32;
        if (_groupIds.Length < _terms.Count + 1)
        {
            _groupIds = new int[_terms.Count + 1];
            _groupCodes = new long[_terms.Count + 1];
        }

        GroupCount = _terms.Count + 1;
        _groupIds[0] = 0;
        _groupCodes[0] = tag;
        _firstTerm[0] = tag;
        for (var t = 0; t < _terms.Count; t++)
        {
            _groupIds[t + 1] = 1 + _terms[t];
            _groupCodes[t + 1] = tag | (uint)(t + 1);
        }

        // Latest first, so the earliest term a set holds is the one left.
        for (var t = _terms.Count - 1; t >= 0; t--)
        {
            foreach (var set in parents.SetsByTerm[_terms[t]])
            {
                _firstTerm[set] = tag | (uint)(t + 1);
            }
        }
    }

    private void SetGroups(bool[] clusters, bool termTimeOnly)
    {
        ulong open = 0;
        for (var c = 0; c < clusters.Length; c++)
        {
            open |= clusters[c] ? 1UL << (2 * c) : 0;
            open |= clusters[c] && termTimeOnly ? 1UL << ((2 * c) + 1) : 0;
        }

        OpenGroups = open;
    }

    private void AddTerm(string term)
    {
        if (term is not null && parents.TermIds.TryGetValue(term, out var id) && !_terms.Contains(id))
        {
            _terms.Add(id);
        }
    }

    private static bool MatchRulesFlags(int flags, Vacancy vacancy) =>
        ((flags & ParentColumns.TermTimeOnlyFlag) == 0 || vacancy.TermTimeOnly)
        && (vacancy.Hours is not null || (flags & ParentColumns.AcceptsUnknownHoursFlag) != 0);

    private bool[] HoursFor(double weekly)
    {
        if (!_hoursByWeeklyHours.TryGetValue(weekly, out var suit))
        {
            suit = new bool[parents.HoursBoundsTable.Length];
            for (var b = 0; b < suit.Length; b++)
            {
                var (min, max) = parents.HoursBoundsTable[b];
                suit[b] = MatchRules.HoursPerWeekSuit(min, max, weekly);
            }

            _hoursByWeeklyHours.Add(weekly, suit);
        }

        return suit;
    }

    /// <summary>
    /// Widening only ever adds quarters, so a job that fits with q quarters of travel fits with
    /// fewer: the fit is a threshold per pattern, found by widening one quarter at a time.
    /// </summary>
    private int[] FitsOf(WeeklyPattern job)
    {
        const int Words = WeeklyPattern.WordCount;
        var widened = _widened.AsSpan();
        job.Words.CopyTo(widened);
        for (var q = 1; q <= parents.MaxQuarters; q++)
        {
            WeeklyPattern.Widen(widened.Slice((q - 1) * Words, Words), 1, widened.Slice(q * Words, Words));
        }

        var fits = new int[parents.Patterns.Length];
        for (var p = 0; p < fits.Length; p++)
        {
            var availability = parents.PatternWords.AsSpan(p * Words, Words);
            var q = -1;
            while (q < parents.MaxQuarters && WeeklyPattern.IsInside(widened.Slice((q + 1) * Words, Words), availability))
            {
                q++;
            }

            fits[p] = q == parents.MaxQuarters ? AnyTrip : q;
        }

        return fits;
    }
}
