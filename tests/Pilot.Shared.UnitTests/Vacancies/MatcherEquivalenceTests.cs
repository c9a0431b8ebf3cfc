using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.UnitTests.Vacancies;

/// <summary>
/// The indexed matcher must return exactly what checking every pair returns. Random worlds built
/// to sit on the edges: jobs exactly filling a window once travel is added (or overrunning it by
/// one quarter), trips of exactly whole quarter-hours, vacancies exactly at a parent's distance
/// limit (and one bit beyond), every term-time combination, unknown hours, no interests, interests
/// differing only in case, hours a week exactly at a bound, many parents on one postcode centroid,
/// night windows across midnight and Sunday into Monday, and places across the antimeridian.
/// </summary>
public sealed class MatcherEquivalenceTests
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly string[] Categories = ["Education", "Care", "Retail", "Hospitality", "Admin"];

    private static readonly string[] Keywords = ["teaching assistant", "lunchtime", "cleaner", "receptionist", "carer"];

    private static readonly int[] SeedValues = [.. Enumerable.Range(1, 40).Select(n => n * 7919)];

    public static TheoryData<int> Seeds() => [.. SeedValues];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Indexed_and_naive_matchers_agree_on_random_worlds_built_on_the_edges(int seed)
    {
        var random = new Random(seed);
        var world = new EdgeWorld(random, seed % 5 == 0);
        world.Build(parentCount: 160, vacancyCount: 140);

        var naive = new NaiveMatcher(world.Parents).Match(world.Vacancies);
        var indexed = new IndexedMatcher(world.Parents).Match(world.Vacancies);

        Assert.Equal(naive, indexed);
        Assert.True(naive.Count > 20, $"only {naive.Count} matches: the world should exercise the rules");
    }

    [Fact]
    public void The_edges_are_really_exercised_across_the_seeds()
    {
        var atLimit = 0;
        var justBeyondLimit = 0;
        var exactQuarterTrips = 0;
        var unknownHours = 0;
        foreach (var seed in SeedValues)
        {
            var world = new EdgeWorld(new Random(seed), seed % 5 == 0);
            world.Build(parentCount: 160, vacancyCount: 140);
            var matches = new NaiveMatcher(world.Parents).Match(world.Vacancies);
            var parents = world.Parents.ToDictionary(p => p.Id);
            atLimit += matches.Count(m => m.DistanceKm == parents[m.ParentId].MaxTravelKm);
            exactQuarterTrips += matches.Count(m => IsWholeQuarters(m.DistanceKm, parents[m.ParentId].Mode));
            unknownHours += matches.Count(m => m.Reason.Contains("hours not stated", StringComparison.Ordinal));
            justBeyondLimit += world.JustBeyondLimit;
        }

        Assert.True(atLimit > 10, $"{atLimit} matches exactly at the distance limit");
        Assert.True(justBeyondLimit > 10, $"{justBeyondLimit} vacancies one bit beyond a limit");
        Assert.True(exactQuarterTrips > 10, $"{exactQuarterTrips} matches with a trip of exactly whole quarters");
        Assert.True(unknownHours > 10, $"{unknownHours} matches with unknown hours");
    }

    [Fact]
    public void Match_pairs_are_the_matches_without_their_reasons_in_the_same_order()
    {
        var world = new EdgeWorld(new Random(5), farPlaces: false);
        world.Build(parentCount: 200, vacancyCount: 100);
        var matcher = new IndexedMatcher(world.Parents);

        var matches = matcher.Match(world.Vacancies);
        var pairs = matcher.MatchPairs(world.Vacancies);

        Assert.Equal(matches, pairs.Select(p => matcher.ToMatch(p, world.Vacancies)));
        Assert.All(pairs, p => Assert.Equal(world.Parents[p.ParentIndex].Id, matches[pairs.ToList().IndexOf(p)].ParentId));
    }

    [Fact]
    public void A_parent_listed_under_two_of_a_vacancys_terms_is_matched_once()
    {
        var home = new GeoPoint(52.63, 1.29);
        var parent = new ParentProfile("p", home, 5, TravelMode.Car, WeeklyPattern.Always, false,
            new HashSet<string> { "care", "CARER", "Education" }, null, null, true);
        var vacancy = new Vacancy("v", "Job", home, "Care", ["carer", "Carer", "education"], null, false, null);

        var match = Assert.Single(new IndexedMatcher([parent]).Match([vacancy]));
        Assert.Equal(new NaiveMatcher([parent]).Match([vacancy]), [match]);
    }

    [Fact]
    public void A_point_is_judged_by_the_reach_of_the_vacancys_own_groups_not_the_longest_there()
    {
        // At one point: a driver interested only in retail reaches 20 km; the care parents walk
        // 2 km, one exactly to the vacancy and one a bit short of it; an "any job" parent reaches 3 km.
        var home = new GeoPoint(52.63, 1.29);
        var job = new GeoPoint(52.63 + (2.0 / 111.2), 1.29);
        var distance = home.DistanceKmTo(job);
        ParentProfile Parent(string id, double reach, TravelMode mode, params string[] interests) =>
            new(id, home, reach, mode, WeeklyPattern.Always, false, new HashSet<string>(interests), null, null, true);
        List<ParentProfile> parents =
        [
            Parent("driver", 20, TravelMode.Car, "Retail"),
            Parent("walker-at-limit", distance, TravelMode.Walk, "Care"),
            Parent("walker-short", Math.BitDecrement(distance), TravelMode.Walk, "Care"),
            Parent("anyone", 3, TravelMode.Bus),
        ];
        var vacancy = new Vacancy("v", "Job", job, "Care", [], null, false, null);

        var matches = new IndexedMatcher(parents).Match([vacancy]);

        Assert.Equal(["walker-at-limit", "anyone"], matches.Select(m => m.ParentId));
        Assert.Equal(new NaiveMatcher(parents).Match([vacancy]), matches);
    }

    [Fact]
    public void Vacancies_at_the_same_place_are_each_judged_on_their_own_hours_and_interests()
    {
        // The matcher keeps a point's distance for the next vacancy at exactly the same place: the
        // second must still get its own trip buffer, hours and interests, and the third (elsewhere)
        // its own distances.
        var home = new GeoPoint(52.63, 1.29);
        var job = new GeoPoint(52.63 + (7.5 / 111.2), 1.29);
        var window = WeeklyPattern.FromDayRange(Weekdays, 36, 60); // 9:00-15:00
        ParentProfile Parent(string id, TravelMode mode, bool acceptsUnknown, params string[] interests) =>
            new(id, home, 10, mode, window, false, new HashSet<string>(interests), null, null, acceptsUnknown);
        List<ParentProfile> parents =
        [
            Parent("driver", TravelMode.Car, acceptsUnknown: false, "Care"),
            Parent("bus", TravelMode.Bus, acceptsUnknown: true, "Care"),
            Parent("anyone", TravelMode.Car, acceptsUnknown: true),
        ];
        List<Vacancy> vacancies =
        [
            new("unknown", "Job", job, "Care", [], null, false, null),
            new("tight", "Job", job, "Care", [], WeeklyPattern.FromDayRange(Weekdays, 37, 59), false, null), // 9:15-14:45: a car's 15 minutes fit, a bus's 30 do not
            new("retail", "Job", job, "Retail", [], WeeklyPattern.FromDayRange(Weekdays, 38, 58), false, null),
            new("near", "Job", home, "Care", [], WeeklyPattern.FromDayRange(Weekdays, 36, 60), false, null),
        ];

        var matches = new IndexedMatcher(parents).Match(vacancies);

        Assert.Equal(new NaiveMatcher(parents).Match(vacancies), matches);
        Assert.Equal(
            ["unknown:bus", "unknown:anyone", "tight:driver", "tight:anyone", "retail:anyone", "near:driver", "near:bus", "near:anyone"],
            matches.Select(m => $"{m.VacancyRef}:{m.ParentId}"));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(17, true)]
    [InlineData(101, false)]
    public void Indexed_and_naive_matchers_agree_when_availability_is_too_varied_to_cluster_finely(int seed, bool weekdaysOnly)
    {
        // Scattered windows on random days make more availability clusters than the index keeps
        // apart, so it falls back to clustering by days alone (weekdays only: at most 31 sets of
        // days) or to one cluster (any days): the verdicts must not change.
        var random = new Random(seed);
        DayOfWeek[] dayPool = weekdaysOnly ? Weekdays : [.. Weekdays, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var towns = new[] { new GeoPoint(52.6309, 1.2974), new GeoPoint(53.8008, -1.5491) };
        var parents = Enumerable.Range(0, 300).Select(i =>
        {
            var days = dayPool.Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty(DayOfWeek.Monday).ToArray();
            var from = random.Next(0, 80);
            var availability = WeeklyPattern.FromDayRange(days, from, from + random.Next(4, 16));
            return new ParentProfile($"p{i}", Offset(towns[i % 2], random.NextDouble() * 6, random.NextDouble() * 6), random.Next(2, 12),
                (TravelMode)random.Next(3), availability, random.NextDouble() < 0.3, new HashSet<string>(), null, null, random.NextDouble() < 0.5);
        }).ToList();
        var vacancies = Enumerable.Range(0, 200).Select(i =>
        {
            var parent = parents[random.Next(parents.Count)];
            var hours = random.NextDouble() < 0.1 ? null : FirstHours(parent.Availability, random.Next(0, 3));
            return new Vacancy($"v{i}", "Job", Offset(parent.Start, random.NextDouble() * 4, random.NextDouble() * 4), "Care", [], hours,
                random.NextDouble() < 0.5, null);
        }).ToList();

        var naive = new NaiveMatcher(parents).Match(vacancies);

        Assert.Equal(naive, new IndexedMatcher(parents).Match(vacancies));
        Assert.True(naive.Count > 20, $"only {naive.Count} matches: the world should exercise the rules");
        var clusters = new ParentColumns(parents).ClusterCount;
        Assert.True(weekdaysOnly ? clusters is > 1 and < 32 : clusters == 1, $"{clusters} availability clusters");
    }

    /// <summary>The first run of quarters of <paramref name="availability"/>, shrunk by <paramref name="buffer"/> at each end.</summary>
    private static WeeklyPattern FirstHours(WeeklyPattern availability, int buffer)
    {
        var first = Enumerable.Range(0, WeeklyPattern.QuartersPerWeek).First(availability.Contains);
        var last = first;
        while (last + 1 < WeeklyPattern.QuartersPerWeek && availability.Contains(last + 1))
        {
            last++;
        }

        return last - buffer < first + buffer
            ? WeeklyPattern.FromQuarters([first])
            : WeeklyPattern.FromQuarters(Enumerable.Range(first + buffer, last - first - (2 * buffer) + 1));
    }

    [Fact]
    public void Widening_word_by_word_equals_widening_quarter_by_quarter()
    {
        var random = new Random(11);
        for (var n = 0; n < 300; n++)
        {
            var quarters = Enumerable.Range(0, random.Next(0, 6))
                .SelectMany(_ =>
                {
                    var start = random.Next(WeeklyPattern.QuartersPerWeek);
                    return Enumerable.Range(start, random.Next(1, 40));
                })
                .ToList();
            var pattern = WeeklyPattern.FromQuarters(quarters);
            var by = random.Next(0, n % 10 == 0 ? 400 : 20);

            var expected = WeeklyPattern.FromQuarters(quarters.SelectMany(q => Enumerable.Range(q - by, (2 * by) + 1)));
            Assert.Equal(expected, pattern.Widen(by));
        }
    }

    private static bool IsWholeQuarters(double km, TravelMode mode)
    {
        var quarters = TravelTime.Minutes(km, mode) / 15;
        return quarters > 0.5 && Math.Abs(quarters - Math.Round(quarters)) < 1e-9;
    }

    /// <summary>A small world of parents and vacancies, many of them placed exactly on a rule's edge.</summary>
    private sealed class EdgeWorld(Random random, bool farPlaces)
    {
        public List<ParentProfile> Parents { get; } = [];

        public List<Vacancy> Vacancies { get; } = [];

        public int JustBeyondLimit { get; private set; }

        public void Build(int parentCount, int vacancyCount)
        {
            GeoPoint[] towns = farPlaces
                ? [new(52.6309, 1.2974), new(-16.5, 179.995), new(-16.5, -179.995), new(69.65, 18.96), new(0.0, 0.0)]
                : [new(52.6309, 1.2974), new(53.8008, -1.5491), new(51.5072, -0.1276)];

            // Postcode sector centroids: a few points shared by many parents.
            var centroids = towns.SelectMany(t => Enumerable.Range(0, 8).Select(_ => Offset(t, Spread(12), Spread(12)))).ToArray();
            for (var i = 0; i < parentCount; i++)
            {
                var start = random.NextDouble() < 0.6 ? centroids[random.Next(centroids.Length)] : Offset(towns[random.Next(towns.Length)], Spread(25), Spread(25));
                Parents.Add(RandomParent($"p{i}", start));
            }

            for (var i = 0; i < vacancyCount; i++)
            {
                Vacancies.Add(random.Next(10) switch
                {
                    < 5 => EdgeVacancy($"v{i}"),
                    < 7 => RandomVacancy($"v{i}", centroids[random.Next(centroids.Length)]),
                    _ => RandomVacancy($"v{i}", Offset(towns[random.Next(towns.Length)], Spread(25), Spread(25))),
                });
            }
        }

        private ParentProfile RandomParent(string id, GeoPoint start)
        {
            var mode = (TravelMode)random.Next(3);
            var reach = random.Next(4) switch
            {
                0 => random.Next(1, 16), // whole kilometres, as a form offers them
                1 => TravelTime.KmPerHour(mode) / 4 * random.Next(1, 5), // exactly 1-4 quarters
                2 => 0.5 + (random.NextDouble() * 14.5),
                _ => random.NextDouble() < 0.1 ? 300 : 3,
            };
            var interests = random.Next(4) switch
            {
                0 => new HashSet<string>(),
                1 => new HashSet<string> { Categories[random.Next(Categories.Length)].ToUpperInvariant() },
                2 => new HashSet<string> { Categories[random.Next(Categories.Length)], Keywords[random.Next(Keywords.Length)] },
                _ => new HashSet<string> { Keywords[random.Next(Keywords.Length)], Keywords[random.Next(Keywords.Length)].ToUpperInvariant(), "gardening" },
            };
            var hours = random.Next(3) switch { 0 => 25.0, 1 => 30.0, _ => random.Next(5, 35) };
            return new ParentProfile(
                id,
                start,
                reach,
                mode,
                RandomAvailability(),
                TermTimeOnly: random.NextDouble() < 0.4,
                interests,
                MinHours: random.NextDouble() < 0.3 ? hours : null,
                MaxHours: random.NextDouble() < 0.3 ? hours : null,
                AcceptsUnknownHours: random.NextDouble() < 0.5);
        }

        private WeeklyPattern RandomAvailability()
        {
            var days = Weekdays.Where(_ => random.NextDouble() < 0.85).DefaultIfEmpty(DayOfWeek.Monday).ToArray();
            return random.Next(6) switch
            {
                0 => WeeklyPattern.FromDayRange(days, 35 + random.Next(4), 58 + random.Next(4)), // school hours
                1 => WeeklyPattern.FromDayRange(days, 28 + random.Next(8), 64 + random.Next(12)),
                2 => WeeklyPattern.FromDayRange(days, 72, 0), // evenings to midnight
                3 => WeeklyPattern.FromDayRange([DayOfWeek.Sunday], 80, 8), // Sunday night into Monday
                4 => WeeklyPattern.Always,
                _ => WeeklyPattern.FromDayRange(days, 36, 60).Union(WeeklyPattern.FromDayRange([DayOfWeek.Saturday], 36, 52)),
            };
        }

        private Vacancy RandomVacancy(string reference, GeoPoint location)
        {
            string[] texts = ["Mon-Fri 9.30am-2.30pm", "school hours", "Tuesdays and Thursdays 10am to 1pm", "Mon-Fri 9-2", "9-3 weekdays",
                "evenings 6pm-9pm Mon-Thu", "Sunday 10pm-2am", "flexible", "shifts", "part time, 16 hours, days to be agreed", "Saturdays 10am-4pm"];
            _ = HoursParser.TryParse(texts[random.Next(texts.Length)], out var parsed);
            return new Vacancy(reference, "Job", location, Category(), VacancyKeywords(), parsed.Pattern,
                parsed.TermTimeOnly || random.NextDouble() < 0.3, random.NextDouble() < 0.2 ? null : parsed.HoursPerWeek);
        }

        /// <summary>A job placed against one parent: at the exact distance limit, or a whole number of quarters away, filling their window.</summary>
        private Vacancy EdgeVacancy(string reference)
        {
            var parent = Parents[random.Next(Parents.Count)];
            var bearing = random.NextDouble() * 2 * Math.PI;
            var km = random.Next(3) switch
            {
                0 => Math.Min(parent.MaxTravelKm, 20),
                1 => TravelTime.KmPerHour(parent.Mode) / 4 * random.Next(1, 4),
                _ => random.NextDouble() * Math.Min(parent.MaxTravelKm, 20),
            };
            var location = Offset(parent.Start, km * Math.Cos(bearing), km * Math.Sin(bearing));
            var distance = parent.Start.DistanceKmTo(location);
            if (random.NextDouble() < 0.5)
            {
                // Pin the parent's limit to the exact distance, or one bit short of it.
                var beyond = random.NextDouble() < 0.3;
                JustBeyondLimit += beyond ? 1 : 0;
                Parents[Parents.IndexOf(parent)] = parent = parent with { MaxTravelKm = beyond ? Math.BitDecrement(distance) : distance };
            }

            var hours = FillWindow(parent.Availability, TravelTime.Quarters(distance, parent.Mode) + random.Next(-1, 2));
            var weekly = hours?.HoursPerWeek;
            return new Vacancy(reference, "Edge job", location, Category(), VacancyKeywords(), hours, random.NextDouble() < 0.5,
                random.NextDouble() < 0.3 ? weekly : null);
        }

        /// <summary>The first run of the window shrunk by <paramref name="buffer"/> quarters at each end; null (unknown hours) now and then.</summary>
        private WeeklyPattern? FillWindow(WeeklyPattern availability, int buffer)
        {
            if (random.NextDouble() < 0.15 || availability.IsEmpty)
            {
                return null;
            }

            var first = Enumerable.Range(0, WeeklyPattern.QuartersPerWeek).First(availability.Contains);
            var last = first;
            while (last + 1 < WeeklyPattern.QuartersPerWeek && availability.Contains(last + 1))
            {
                last++;
            }

            var from = first + buffer;
            var to = last - buffer;
            return to < from
                ? WeeklyPattern.FromQuarters([first])
                : WeeklyPattern.FromQuarters(Enumerable.Range(from, to - from + 1));
        }

        private string Category()
        {
            var category = Categories[random.Next(Categories.Length)];
            return random.NextDouble() < 0.2 ? category.ToLowerInvariant() : category;
        }

        private string[] VacancyKeywords() => random.Next(4) switch
        {
            0 => [],
            1 => [Keywords[random.Next(Keywords.Length)]],
            2 => [Keywords[random.Next(Keywords.Length)].ToUpperInvariant(), Categories[random.Next(Categories.Length)]],
            _ => [Keywords[random.Next(Keywords.Length)], Keywords[random.Next(Keywords.Length)]],
        };

        private double Spread(double km) => (random.NextDouble() - 0.5) * km;
    }

    /// <summary>A point <paramref name="northKm"/> north and <paramref name="eastKm"/> east of <paramref name="origin"/> on the local flat map.</summary>
    private static GeoPoint Offset(GeoPoint origin, double northKm, double eastKm)
    {
        const double kmPerDegree = 6371.0088 * Math.PI / 180;
        var latitude = origin.Latitude + (northKm / kmPerDegree);
        var midLatitude = (origin.Latitude + latitude) / 2 * Math.PI / 180;
        var longitude = origin.Longitude + (eastKm / (kmPerDegree * Math.Cos(midLatitude)));
        return new GeoPoint(latitude, longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude);
    }
}
