using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.UnitTests.Vacancies;

public sealed class MatchingTests
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly GeoPoint Home = new(52.6309, 1.2974); // Norwich

    [Theory]
    [InlineData("09:00", "15:00", true)]
    [InlineData("09:15", "14:45", false)]
    public void Worked_example_a_job_4_km_away_by_bus_needs_half_an_hour_each_side(string from, string to, bool fits)
    {
        // 4 km at 15 km/h is 16 minutes, rounded up to 30: the 09:30-14:30 job needs 09:00-15:00.
        Assert.Equal(2, TravelTime.Quarters(4, TravelMode.Bus));
        var parent = Parent("p", Home, 10, TravelMode.Bus, Window(from, to));
        var job = Job("v", Offset(Home, 4, 0), "Mon-Fri 9:30am-2:30pm");

        Assert.Equal(fits, new NaiveMatcher([parent]).Match([job]).Count == 1);
        Assert.Equal(fits, new IndexedMatcher([parent]).Match([job]).Count == 1);
    }

    [Fact]
    public void Reason_names_distance_mode_and_both_hours()
    {
        var parent = Parent("p", Home, 10, TravelMode.Bus, Window("09:00", "15:00"));
        var match = Assert.Single(new IndexedMatcher([parent]).Match([Job("v", Offset(Home, 2.1, 0), "Mon-Fri 9:30am-2:30pm")]));
        Assert.Equal("2.1 km by bus, Mon-Fri 9:30-2:30 fits your Mon-Fri 9:00-3:00", match.Reason);
    }

    [Fact]
    public void A_trip_of_exactly_a_quarter_hour_adds_one_quarter_not_two()
    {
        Assert.Equal(1, TravelTime.Quarters(1.2, TravelMode.Walk)); // 15 minutes
        Assert.Equal(1, TravelTime.Quarters(3.75, TravelMode.Bus)); // 15 minutes
        Assert.Equal(2, TravelTime.Quarters(3.76, TravelMode.Bus));
        Assert.Equal(0, TravelTime.Quarters(0, TravelMode.Car));
    }

    [Fact]
    public void A_vacancy_exactly_at_the_distance_limit_is_in_reach()
    {
        var place = Offset(Home, 3, 4);
        var limit = Home.DistanceKmTo(place);
        var parent = Parent("p", Home, limit, TravelMode.Car, WeeklyPattern.Always);
        var job = Job("v", place, "Mon-Fri 9-3");
        Assert.Single(new IndexedMatcher([parent]).Match([job]));
        Assert.Empty(new IndexedMatcher([parent with { MaxTravelKm = limit * (1 - 1e-12) }]).Match([job]));
    }

    [Fact]
    public void A_parent_needing_term_time_only_cannot_take_a_year_round_job()
    {
        var parent = Parent("p", Home, 10, TravelMode.Car, WeeklyPattern.Always) with { TermTimeOnly = true };
        var yearRound = Job("a", Home, "Mon-Fri 9-3");
        var termTime = Job("b", Home, "Mon-Fri 9-3 term time only");
        Assert.Equal(["b"], new IndexedMatcher([parent]).Match([yearRound, termTime]).Select(m => m.VacancyRef));
        Assert.Equal(2, new IndexedMatcher([parent with { TermTimeOnly = false }]).Match([yearRound, termTime]).Count);
    }

    [Fact]
    public void Unknown_hours_match_only_parents_who_accept_them_and_the_reason_says_so()
    {
        var accepts = Parent("a", Home, 10, TravelMode.Walk, Window("09:15", "14:45")) with { AcceptsUnknownHours = true };
        var refuses = Parent("r", Home, 10, TravelMode.Walk, Window("09:15", "14:45"));
        var job = Job("v", Offset(Home, 1, 0), "flexible");
        var match = Assert.Single(new IndexedMatcher([accepts, refuses]).Match([job]));
        Assert.Equal("a", match.ParentId);
        Assert.Contains("hours not stated", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Interests_and_hours_per_week_filter_matches()
    {
        var parent = Parent("p", Home, 10, TravelMode.Car, WeeklyPattern.Always) with
        {
            Interests = new HashSet<string> { "teaching assistant", "care" },
            MinHours = 10,
            MaxHours = 25,
        };
        var fits = Job("a", Home, "Mon-Fri 9-2") with { Keywords = ["Teaching Assistant"] }; // 25 h
        var tooLong = Job("b", Home, "Mon-Fri 9-3") with { Keywords = ["Teaching Assistant"] }; // 30 h
        var otherWork = Job("c", Home, "Mon-Fri 9-2") with { Category = "Retail" };
        var byCategory = Job("d", Home, "Mon-Fri 9-2") with { Category = "CARE" };
        Assert.Equal(["a", "d"], new IndexedMatcher([parent]).Match([fits, tooLong, otherWork, byCategory]).Select(m => m.VacancyRef));
    }

    [Fact]
    public void Availability_windows_come_from_the_api_form_and_round_inwards()
    {
        Assert.True(AvailabilityWindow.TryCreate(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:10", "14:50", out var window));
        Assert.Equal("Mon-Fri 9:15-2:45", window!.ToPattern().Describe());
        Assert.False(AvailabilityWindow.TryCreate(["Funday"], "09:00", "15:00", out _));
        Assert.False(AvailabilityWindow.TryCreate(["Mon"], "9am", "15:00", out _));
    }

    [Fact]
    public void Travel_buffer_can_cross_midnight()
    {
        var parent = Parent("p", Home, 10, TravelMode.Car, Window("18:00", "00:00"));
        var lateJob = Job("v", Offset(Home, 7.5, 0), "Mon-Fri 6.30pm-11.45pm"); // 15 min by car
        Assert.Single(new IndexedMatcher([parent]).Match([lateJob]));
        Assert.Empty(new IndexedMatcher([parent]).Match([Job("w", Offset(Home, 7.6, 0), "Mon-Fri 6.30pm-11.45pm")]));
    }

    // --- property test: the index returns exactly what the every-pair check returns ---

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2024)]
    public void Indexed_matcher_returns_exactly_what_the_naive_matcher_returns(int seed)
    {
        var random = new Random(seed);
        var (parents, vacancies) = RandomWorld(random, parentCount: 400, vacancyCount: 300);

        var naive = new NaiveMatcher(parents).Match(vacancies);
        var indexed = new IndexedMatcher(parents).Match(vacancies);

        Assert.Equal(naive, indexed);
        var limits = parents.ToDictionary(p => p.Id, p => p.MaxTravelKm);
        Assert.Contains(naive, m => m.DistanceKm == limits[m.ParentId]); // the distance-limit edge is exercised
        Assert.True(naive.Count > 50, $"only {naive.Count} matches: the data should exercise the rules");
        Assert.True(naive.Count < parents.Count * vacancies.Count / 4, "nearly everything matched: the filters are not exercised");
    }

    [Fact]
    public void Distances_in_reasons_read_exactly_as_the_tenths_format_writes_them()
    {
        var random = new Random(20260403);
        var values = new List<double> { 0, 0.05, 0.15, 0.25, 0.95, 1.05, 2.45, 2.55, 9.95, 99.95, 0.04999999999999999, 0.05000000000000001, 1e6, 1e7, double.Epsilon, -0.0, 123456.75 };
        for (var i = 0; i < 200_000; i++)
        {
            var scale = Math.Pow(10, random.Next(-3, 6));
            values.Add(random.NextDouble() * scale);

            // Right at and around half-tenths, where the two roundings could part.
            var half = (random.Next(0, 100_000) + 0.5) / 10;
            values.Add(half);
            values.Add(Math.BitIncrement(half));
            values.Add(Math.BitDecrement(half));
            values.Add(half + ((random.NextDouble() - 0.5) * 4e-6));
        }

        Span<char> buffer = stackalloc char[32];
        foreach (var value in values)
        {
            Assert.Equal(value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), MatchRules.Tenths(value, buffer).ToString());
        }
    }

    private static (List<ParentProfile> Parents, List<Vacancy> Vacancies) RandomWorld(Random random, int parentCount, int vacancyCount)
    {
        GeoPoint[] towns = [new(52.6309, 1.2974), new(53.8008, -1.5491), new(50.3755, -4.1427), new(57.1497, -2.0943), new(51.5072, -0.1276)];
        string[] categories = ["Education", "Care", "Retail", "Hospitality", "Admin"];
        string[] keywords = ["teaching assistant", "lunchtime", "cleaner", "receptionist", "carer"];
        var parents = new List<ParentProfile>();
        var vacancies = new List<Vacancy>();
        GeoPoint Near(GeoPoint town) => Offset(town, (random.NextDouble() - 0.5) * 30, (random.NextDouble() - 0.5) * 30);

        for (var i = 0; i < parentCount; i++)
        {
            var from = random.Next(28, 44); // 07:00-10:45
            var to = random.Next(52, 80); // 13:00-19:45
            var days = Weekdays.Where(_ => random.NextDouble() < 0.8).DefaultIfEmpty(DayOfWeek.Monday).ToArray();
            var availability = WeeklyPattern.FromDayRange(days, from, to);
            if (random.NextDouble() < 0.1)
            {
                availability = availability.Union(WeeklyPattern.FromDayRange([DayOfWeek.Saturday], 36, 68));
            }

            parents.Add(new ParentProfile(
                $"p{i}",
                Near(towns[random.Next(towns.Length)]),
                MaxTravelKm: 1 + (random.NextDouble() * 14),
                (TravelMode)random.Next(3),
                availability,
                TermTimeOnly: random.NextDouble() < 0.3,
                Interests: random.NextDouble() < 0.5 ? new HashSet<string>() : new HashSet<string> { categories[random.Next(categories.Length)], keywords[random.Next(keywords.Length)] },
                MinHours: random.NextDouble() < 0.3 ? random.Next(5, 20) : null,
                MaxHours: random.NextDouble() < 0.3 ? random.Next(15, 35) : null,
                AcceptsUnknownHours: random.NextDouble() < 0.5));
        }

        for (var i = 0; i < vacancyCount; i++)
        {
            var kind = random.Next(10);
            Vacancy vacancy;
            if (kind < 4 && parents.Count > 0)
            {
                // Edge cases built against one parent: the job sits exactly on the distance limit
                // or exactly one travel buffer inside the window, fitting by zero quarters or missing by one.
                var parent = parents[random.Next(parents.Count)];
                var km = kind switch
                {
                    0 => parent.MaxTravelKm,
                    1 => TravelTime.KmPerHour(parent.Mode) / 4 * random.Next(1, 4), // exactly 1-3 quarters
                    _ => random.NextDouble() * parent.MaxTravelKm,
                };
                var bearing = random.NextDouble() * 2 * Math.PI;
                var location = Offset(parent.Start, km * Math.Cos(bearing), km * Math.Sin(bearing));
                if (kind == 0)
                {
                    // Pin the parent's limit to the exact computed distance.
                    parents[parents.IndexOf(parent)] = parent = parent with { MaxTravelKm = parent.Start.DistanceKmTo(location) };
                }

                var quarters = TravelTime.Quarters(parent.Start.DistanceKmTo(location), parent.Mode);
                var day = Weekdays.First(d => parent.Availability.Day(d) != UInt128.Zero);
                var (from, to) = FirstRun(parent.Availability, day);
                var slack = kind == 3 ? random.Next(-1, 2) : 0; // -1: overruns by one quarter
                var start = Math.Clamp(from + quarters + slack, 0, 95);
                var end = Math.Clamp(to - quarters - slack, start + 1, 96);
                var hours = WeeklyPattern.FromDayRange([day], start, end);
                vacancy = new Vacancy($"v{i}", "Edge job", location, categories[random.Next(categories.Length)], [keywords[random.Next(keywords.Length)]], hours, random.NextDouble() < 0.5, null);
            }
            else
            {
                string[] texts = ["Mon-Fri 9.30am-2.30pm", "school hours", "Tuesdays and Thursdays 10am to 1pm", "Mon, Wed, Fri 08:45-15:15", "9-3 weekdays",
                    "mornings Mon-Fri 8am-12pm", "evenings 6pm-9pm Mon-Thu", "flexible", "shifts", "part time, 16 hours, days to be agreed", "Saturdays 10am-4pm"];
                _ = HoursParser.TryParse(texts[random.Next(texts.Length)], out var parsed);
                vacancy = new Vacancy(
                    $"v{i}",
                    "Job",
                    Near(towns[random.Next(towns.Length)]),
                    categories[random.Next(categories.Length)],
                    [keywords[random.Next(keywords.Length)]],
                    parsed.Pattern,
                    parsed.TermTimeOnly || random.NextDouble() < 0.2,
                    random.NextDouble() < 0.2 ? null : parsed.HoursPerWeek);
            }

            vacancies.Add(vacancy);
        }

        return (parents, vacancies);
    }

    private static (int From, int To) FirstRun(WeeklyPattern pattern, DayOfWeek day)
    {
        var from = Enumerable.Range(0, 96).First(q => pattern.Contains(day, q));
        var to = from;
        while (to < 96 && pattern.Contains(day, to))
        {
            to++;
        }

        return (from, to);
    }

    private static ParentProfile Parent(string id, GeoPoint start, double maxKm, TravelMode mode, WeeklyPattern availability) =>
        new(id, start, maxKm, mode, availability, TermTimeOnly: false, new HashSet<string>(), MinHours: null, MaxHours: null, AcceptsUnknownHours: false);

    private static WeeklyPattern Window(string from, string to)
    {
        Assert.True(AvailabilityWindow.TryCreate(["Mon", "Tue", "Wed", "Thu", "Fri"], from, to, out var window));
        return window!.ToPattern();
    }

    private static Vacancy Job(string reference, GeoPoint location, string hoursText)
    {
        _ = HoursParser.TryParse(hoursText, out var parsed);
        return new Vacancy(reference, "Job", location, "Education", [], parsed.Pattern, parsed.TermTimeOnly, parsed.HoursPerWeek);
    }

    /// <summary>A point at a known distance: km north and east of <paramref name="origin"/> on the local flat map.</summary>
    private static GeoPoint Offset(GeoPoint origin, double northKm, double eastKm)
    {
        const double kmPerDegree = 6371.0088 * Math.PI / 180;
        var latitude = origin.Latitude + (northKm / kmPerDegree);
        var midLatitude = (origin.Latitude + latitude) / 2 * Math.PI / 180;
        return new GeoPoint(latitude, origin.Longitude + (eastKm / (kmPerDegree * Math.Cos(midLatitude))));
    }
}
