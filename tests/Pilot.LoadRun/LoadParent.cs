using System.Globalization;
using Pilot.Shared.DemoData;
using Pilot.Shared.Venues;

namespace Pilot.LoadRun;

/// <summary>
/// One fictional parent of the run: a number from Ofcom's drama range, living at one of the 30 pilot centres'
/// postcodes, invited by that area's Jobcentre office, and looking for jobs tagged with a keyword of their own.
/// </summary>
public sealed record LoadParent(int Index, string Mobile, string Postcode, string Town, string CentreId, string OfficeId, string Keyword)
{
    public static IReadOnlyList<LoadParent> Make(int count)
    {
        if (count is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "the drama range has 1,000 numbers: 1 to 1,000 parents");
        }

        var venues = DemoSeeder.PilotVenues();
        var centres = venues.Where(v => v.Kind == VenueKinds.Centre).OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
        var offices = venues.Where(v => v.Kind == VenueKinds.Jobcentre).ToDictionary(v => v.LocalAuthority, v => v.Id, StringComparer.Ordinal);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var centre = centres[i % centres.Count];
            return new LoadParent(
                i,
                string.Create(CultureInfo.InvariantCulture, $"07700 900{i:D3}"),
                centre.Postcode,
                centre.LocalAuthority,
                centre.Id,
                offices[centre.LocalAuthority],
                string.Create(CultureInfo.InvariantCulture, $"loadjob{i:D4}"));
        })];
    }
}
