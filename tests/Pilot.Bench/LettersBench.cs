using System.Diagnostics;
using System.Globalization;
using Pilot.Shared.DemoData;
using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Layout;
using Pilot.Shared.Venues;

namespace Pilot.Bench;

/// <summary>
/// Renders a WFI letter for every children's centre in the demo data (its local authority's Jobcentre
/// as option 1) to a parent with a long name and address, checks each with the precompiled-letter check, and prints
/// time per letter (single thread, after a warm-up), PDF size and pages. No storage needed.
/// </summary>
internal static class LettersBench
{
    public static void Run(int rounds)
    {
        var letters = Letters();
        var renderer = new PdfLetterRenderer();
        foreach (var letter in letters)
        {
            _ = renderer.Render(letter); // warm-up: fonts load, JIT
        }

        var times = new List<double>();
        var sizes = new List<int>();
        var pages = new Dictionary<int, int>();
        var problems = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var letter in letters)
            {
                var watch = Stopwatch.StartNew();
                var pdf = renderer.Render(letter);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (round == 0)
                {
                    sizes.Add(pdf.Length);
                    problems += PrecompiledLetterCheck.Problems(pdf).Count;
                    var count = WfiLetterLayout.Lay(letter, new TextMeasure()).Pages.Count;
                    pages[count] = pages.GetValueOrDefault(count) + 1;
                }
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"letters: {letters.Count} distinct letters x {rounds} rounds = {times.Count} renders; mean {times.Average():F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms per letter (1 thread)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"letters: PDF {sizes.Min() / 1024.0:F0}-{sizes.Max() / 1024.0:F0} KB; pages {string.Join(", ", pages.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}; precompiled-check problems: {problems}"));
    }

    private static List<WfiLetter> Letters()
    {
        var venues = DemoSeeder.PilotVenues();
        var starts = new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.Zero);
        var letters = new List<WfiLetter>();
        foreach (var (centre, i) in venues.Where(v => v.Kind == VenueKinds.Centre).Select((v, i) => (v, i)))
        {
            var jobcentre = venues.FirstOrDefault(v => v.Kind == VenueKinds.Jobcentre && v.LocalAuthority == centre.LocalAuthority) ?? venues.First(v => v.Kind == VenueKinds.Jobcentre);
            letters.Add(new WfiLetter(
                string.Create(CultureInfo.InvariantCulture, $"WFI-2026-{i:000000}"),
                Address([jobcentre.Name, .. jobcentre.AddressLines, jobcentre.Postcode]),
                jobcentre.Phone,
                new DateOnly(2026, 11, 26),
                Address(["Ms Christabel-Annabelle Oluwaseun-Adebayo", "Flat 12A, The Old Brewery", "123-125 High Street", centre.LocalAuthority, centre.Postcode]),
                Option(jobcentre, starts),
                Option(centre, starts.AddDays(1)),
                "07700 900123",
                new Uri("https://pilot.example.org/c/Ab3dE9xY"),
                new DateOnly(2026, 12, 3)));
        }

        return letters;
    }

    private static WfiLetterOption Option(Venue venue, DateTimeOffset startsAt)
    {
        var offers = new List<string>();
        if (venue.Facilities.ChildFriendlyRoom)
        {
            offers.Add("Child-friendly room");
        }

        if (venue.Facilities.Creche)
        {
            offers.Add("Crèche");
        }

        return new WfiLetterOption(venue.Name, [.. venue.AddressLines, venue.Postcode], startsAt, venue.Kind == VenueKinds.Centre ? offers : []);
    }

    private static PostalAddress Address(IReadOnlyList<string> lines)
    {
        var outcome = PostalAddressRules.Validate(lines, "address");
        return outcome.IsOk ? outcome.Value! : throw new InvalidOperationException($"demo address refused: {string.Join("; ", outcome.Errors.Select(e => e.Field + " " + e.Message))}");
    }
}
