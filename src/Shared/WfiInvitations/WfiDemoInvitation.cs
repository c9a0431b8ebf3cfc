using System.Globalization;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations;

/// <summary>
/// The demo's WFI invitation: the Ealing office invites demo parent 3 (Hodan), so <c>./run.sh</c> shows a
/// letter in the print batch, the companion text in the outbox and a choice to make. Added once (fixed id).
/// The Jobcentre option is about ten days ahead at 10:00 and the centre's a day later, each moved on to the next
/// time its venue is open (no weekend, no bank holiday).
/// </summary>
public sealed class WfiDemoInvitation(WfiInvitationDesk desk, WfiInvitationStore store, VenueStore venues, ParentStore parents, TimeProvider time)
{
    public const string Id = "demo-wfi-1";
    public const string OfficeId = "jcp-ealing";
    public const string ParentId = "demo-parent-3";

    /// <returns>True when it was added now.</returns>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await store.GetAsync(OfficeId, Id, ct) is not null)
        {
            return false;
        }

        var today = RespondByDate.LondonDate(time.GetUtcNow());
        var all = await venues.AllAsync(ct);
        var parent = await parents.GetAsync(ParentId, ct) ?? throw new InvalidOperationException($"Demo parent {ParentId} is missing.");
        var centre = NearestCentre.To(new GeoPoint(parent.Latitude, parent.Longitude), all.Values, PostcodeDirectory.Default)
            ?? throw new InvalidOperationException("No demo centre is near the demo parent.");
        var jobcentreAt = OpenFrom(all[OfficeId], At(today.AddDays(10), 10));
        var centreAt = OpenFrom(centre, At(DateOnly.FromDateTime(Time.LondonTime.ToLocal(jobcentreAt).DateTime).AddDays(1), 10));
        var request = new CreateWfiInvitationRequest(
            ParentId,
            null,
            new WfiOptionsRequest(new WfiOptionRequest(Text(jobcentreAt), null), new WfiOptionRequest(Text(centreAt), null)),
            RespondByDate.Text(today.AddDays(7)));
        var created = await desk.CreateAsync(Caller.Office(OfficeId), request, "demo", Id, ct);
        return created.IsOk
            ? true
            : throw new InvalidOperationException($"Demo invitation is invalid: {string.Join("; ", created.Errors.Select(e => $"{e.Field} {e.Message}"))}");
    }

    private static DateTimeOffset At(DateOnly date, int hour) => Time.LondonTime.FromLocal(date.ToDateTime(new TimeOnly(hour, 0)));

    private static DateTimeOffset OpenFrom(Venue venue, DateTimeOffset wanted)
        => VenueHours.NextOpenAt(venue, wanted) ?? throw new InvalidOperationException($"Demo venue {venue.Id} is never open.");

    private static string Text(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
