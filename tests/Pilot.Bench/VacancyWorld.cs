using System.Globalization;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Hours;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Bench;

/// <summary>
/// A national set of parents and vacancies for the vacancies bench, from a fixed seed. Both sit on
/// real postcode sector centroids (the embedded ONS data), each sector drawn in proportion to its
/// number of postcodes, so cities are dense and the countryside sparse as households are. Hours
/// follow what parents and part-time adverts usually say: mostly school hours, some full days,
/// mornings, evenings and weekends; about one vacancy in ten has hours too unclear to parse.
/// </summary>
internal static class VacancyWorld
{
    private const string SectorsResource = "Pilot.Shared.Postcodes.Data.uk-postcode-sectors.csv";

    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly DayOfWeek[] Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly (string Category, string[] Keywords)[] Work =
    [
        ("Education", ["teaching assistant", "lunchtime supervisor", "exam invigilator"]),
        ("Childcare", ["nursery assistant", "breakfast club", "after school club"]),
        ("Care", ["carer", "support worker", "home care"]),
        ("Retail", ["cashier", "shop assistant", "stock"]),
        ("Hospitality", ["waiting staff", "bar staff", "kitchen assistant"]),
        ("Admin", ["receptionist", "data entry", "office assistant"]),
        ("Cleaning", ["cleaner", "housekeeping"]),
        ("Catering", ["school cook", "catering assistant"]),
        ("Health", ["pharmacy assistant", "healthcare assistant"]),
        ("Warehouse", ["picker", "packer", "driver"]),
    ];

    public sealed record Sectors(GeoPoint[] Centroids, double[] CumulativeWeight)
    {
        public GeoPoint Draw(Random random)
        {
            var target = random.NextDouble() * CumulativeWeight[^1];
            var i = Array.BinarySearch(CumulativeWeight, target);
            return Centroids[Math.Min(i < 0 ? ~i : i, Centroids.Length - 1)];
        }
    }

    public static Sectors LoadSectors()
    {
        using var stream = typeof(PostcodeDirectory).Assembly.GetManifestResourceStream(SectorsResource)
            ?? throw new InvalidOperationException($"{SectorsResource} is missing");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        var centroids = new List<GeoPoint>();
        var cumulative = new List<double>();
        var total = 0.0;
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            centroids.Add(new GeoPoint(double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
            total += double.Parse(f[3], CultureInfo.InvariantCulture);
            cumulative.Add(total);
        }

        return new Sectors([.. centroids], [.. cumulative]);
    }

    public static List<ParentProfile> Parents(Sectors sectors, int count, int seed)
    {
        var random = new Random(seed);
        var parents = new List<ParentProfile>(count);
        var empty = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var mode = Pick(random, (0.3, TravelMode.Walk), (0.3, TravelMode.Bus), (0.4, TravelMode.Car));
            double reach = mode switch
            {
                TravelMode.Walk => 1 + (0.5 * random.Next(5)), // 1-3 km
                TravelMode.Bus => random.Next(3, 11),
                _ => random.Next(5, 16),
            };
            var (availability, schoolHours) = Availability(random);
            IReadOnlySet<string> interests = empty;
            if (random.NextDouble() >= 0.15)
            {
                var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var categories = random.Next(1, 4);
                for (var c = 0; c < categories; c++)
                {
                    set.Add(Work[random.Next(Work.Length)].Category);
                }

                if (random.NextDouble() < 0.3)
                {
                    var work = Work[random.Next(Work.Length)];
                    set.Add(work.Keywords[random.Next(work.Keywords.Length)]);
                }

                interests = set;
            }

            parents.Add(new ParentProfile(
                string.Create(CultureInfo.InvariantCulture, $"parent-{i:D7}"),
                sectors.Draw(random),
                reach,
                mode,
                availability,
                TermTimeOnly: random.NextDouble() < (schoolHours ? 0.6 : 0.15),
                interests,
                MinHours: random.NextDouble() < 0.4 ? random.Next(8, 17) : null,
                MaxHours: random.NextDouble() < 0.5 ? random.Next(16, 31) : null,
                AcceptsUnknownHours: random.NextDouble() < 0.5));
        }

        return parents;
    }

    public static List<Vacancy> Vacancies(Sectors sectors, int count, int seed)
    {
        var random = new Random(seed);
        var vacancies = new List<Vacancy>(count);
        for (var i = 0; i < count; i++)
        {
            var work = Work[random.Next(Work.Length)];
            string[] keywords = random.NextDouble() < 0.7 ? [work.Keywords[random.Next(work.Keywords.Length)]] : [];
            var (hours, termTime) = JobHours(random, work.Category);
            double? stated = hours is null && random.NextDouble() < 0.5 ? random.Next(10, 31) : null;
            vacancies.Add(new Vacancy(
                string.Create(CultureInfo.InvariantCulture, $"job-{i:D6}"),
                $"{work.Category} vacancy",
                sectors.Draw(random),
                work.Category,
                keywords,
                hours,
                termTime,
                stated));
        }

        return vacancies;
    }

    private static (WeeklyPattern Pattern, bool SchoolHours) Availability(Random random)
    {
        var kind = random.NextDouble();
        if (kind < 0.5)
        {
            // School hours, from drop-off to pick-up; one in five can do only four days.
            var skip = random.NextDouble() < 0.2 ? random.Next(5) : -1;
            var days = Weekdays.Where((_, d) => d != skip).ToArray();
            return (Range(days, 35 + random.Next(4), 58 + random.Next(4)), true);
        }

        if (kind < 0.6)
        {
            // School hours plus a Saturday morning.
            return (Range(Weekdays, 35 + random.Next(4), 58 + random.Next(4)).Union(Range([DayOfWeek.Saturday], 36, 52)), true);
        }

        if (kind < 0.75)
        {
            return (Range(Weekdays, 32 + (2 * random.Next(3)), 68 + (2 * random.Next(3))), false); // 08:00-09:00 to 17:00-18:00
        }

        if (kind < 0.85)
        {
            return (Range(Weekdays, 34 + random.Next(3), 50 + random.Next(3)), false); // mornings
        }

        if (kind < 0.95)
        {
            return (Range(Weekdays, 72 + (2 * random.Next(3)), 88 + (4 * random.Next(2))), false); // evenings
        }

        return (Range(Weekend, 32 + (2 * random.Next(3)), 64 + (4 * random.Next(3))), false); // weekends
    }

    private static (WeeklyPattern? Pattern, bool TermTime) JobHours(Random random, string category)
    {
        var school = category is "Education" or "Childcare" or "Catering";
        var termTime = school ? random.NextDouble() < 0.8 : random.NextDouble() < 0.1;
        var kind = random.NextDouble();
        return kind switch
        {
            < 0.10 => (null, termTime), // "flexible", "days to be agreed"
            < 0.35 => (Range(Weekdays, 38, 58), termTime), // Mon-Fri 9:30-2:30
            < 0.45 => (Range(Weekdays, 36, 60), true), // school hours
            < 0.55 => (Range(Weekdays, 36, 52), termTime), // mornings 9-1
            < 0.62 => (Range(Weekdays, 46, 54), termTime), // lunchtimes 11:30-1:30
            < 0.72 => (Range([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], 36, 60), termTime),
            < 0.82 => (Range([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], 72, 84), termTime), // evenings 6-9
            < 0.92 => (Range([DayOfWeek.Saturday], 36, 68), false), // Saturdays 9-5
            _ => (Range(Weekdays, 30, 36).Union(Range(Weekdays, 60, 72)), termTime), // breakfast and after-school clubs
        };
    }

    private static WeeklyPattern Range(IEnumerable<DayOfWeek> days, int fromQuarter, int toQuarter) =>
        WeeklyPattern.FromDayRange(days, fromQuarter, toQuarter);

    private static T Pick<T>(Random random, params (double Weight, T Value)[] choices)
    {
        var x = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (weight, value) in choices)
        {
            if ((x -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
