using Pilot.Shared.Time;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.TakeUp;

/// <summary>
/// The demo's past month of WFI invitations, so the take-up report means something on the first <c>./run.sh</c>:
/// every pilot area's Jobcentre office invited 8 to 14 parents over the 30 days before the first seeding, each
/// offering one of that area's centres, and each is now closed: chosen (by text, web or phone; the centre's share
/// differs by area), defaulted to the Jobcentre, or cancelled, with attendance recorded once the interview is past.
/// They are history, written as the store holds finished invitations (no letter, text or booking is made again);
/// the parents are not demo parents (ids <c>demo-month-…</c>), so no one's details are in them. Fixed ids: added once.
/// </summary>
public sealed class WfiDemoMonth(WfiInvitationStore store, VenueStore venues, TimeProvider time)
{
    public const string IdPrefix = "demo-month-";

    /// <returns>How many invitations were added now (0 when the month was seeded before).</returns>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var all = await venues.AllAsync(ct);
        var now = time.GetUtcNow();
        var today = RespondByDate.LondonDate(now);
        var added = 0;
        var offices = all.Values.Where(v => v.Kind == VenueKinds.Jobcentre && !v.Retired).OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
        for (var k = 0; k < offices.Count; k++)
        {
            var office = offices[k];
            var centres = all.Values
                .Where(v => v.Kind == VenueKinds.Centre && !v.Retired && v.LocalAuthority == office.LocalAuthority)
                .OrderBy(v => v.Id, StringComparer.Ordinal)
                .ToList();
            if (centres.Count == 0)
            {
                continue;
            }

            var count = 8 + (k * 5 % 7);
            for (var i = 0; i < count; i++)
            {
                var invitation = History(office, centres[(i + k) % centres.Count], k, i, today, now);
                if (await store.TryAddAsync(invitation, ct))
                {
                    await store.CloseAsync(invitation, ct);
                    added++;
                }
            }
        }

        return added;
    }

    /// <summary>One finished invitation; <paramref name="k"/> (the area) and <paramref name="i"/> vary it, the same on every run.</summary>
    public static WfiInvitationEntity History(Venue office, Venue centre, int k, int i, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(centre);
        var requestedDate = today.AddDays(-(1 + (i * 7 + k * 3) % 29));
        var requestedAt = LondonTime.FromLocal(requestedDate.ToDateTime(new TimeOnly(9, 30 + i % 20))).ToUniversalTime();
        var interviewDate = Weekday(requestedDate.AddDays(14));
        var jobcentreAt = LondonTime.FromLocal(interviewDate.ToDateTime(new TimeOnly(10, 0))).ToUniversalTime();
        var centreAt = LondonTime.FromLocal(Weekday(interviewDate.AddDays(1)).ToDateTime(new TimeOnly(10, 0))).ToUniversalTime();
        var roll = Mix(k, i) % 100;
        var invitation = new WfiInvitationEntity
        {
            PartitionKey = office.Id,
            RowKey = $"{IdPrefix}{office.Id}-{i:00}",
            Reference = $"DM{k:00}{i:00}",
            ParentId = $"{IdPrefix}parent-{k:00}{i:00}",
            JobcentreVenueId = office.Id,
            JobcentreStartsAt = jobcentreAt,
            CentreVenueId = centre.Id,
            CentreStartsAt = centreAt,
            RespondBy = RespondByDate.Text(requestedDate.AddDays(7)),
            RequestedAt = requestedAt,
            RequestedThrough = "demo",
            LetterReadyAt = requestedAt.AddHours(1),
            PostedAt = requestedAt.AddHours(20),
            DispatchChannel = "print-batch",
            CompanionText = i % 4 == 0 ? "no-mobile" : "sent",
        };

        if (roll < 6)
        {
            invitation.Status = WfiInvitationStatuses.Cancelled;
            invitation.CancelledAt = requestedAt.AddDays(2);
            return invitation;
        }

        // Between about 12% and 30% of letters go unanswered, more in the areas later in the list.
        if (roll < 18 + k * 2)
        {
            invitation.Status = WfiInvitationStatuses.Defaulted;
            invitation.Choice = WfiOptionKeys.Jobcentre;
            invitation.ChoiceMethod = WfiChoiceMethods.Default;
            invitation.ChosenAt = RespondByDate.EndOf(invitation.RespondBy);
        }
        else
        {
            // The centre's share of answers runs from about 55% to 90% by area (one area reported about 80%).
            var centreShare = 55 + (k * 7 % 10 * 4);
            var method = Mix(i, k + 11) % 10;
            invitation.Status = WfiInvitationStatuses.Chosen;
            invitation.Choice = Mix(k + 5, i) % 100 < centreShare ? WfiOptionKeys.Centre : WfiOptionKeys.Jobcentre;
            invitation.ChoiceMethod = method < 5 ? WfiChoiceMethods.Text : method < 8 ? WfiChoiceMethods.Web : WfiChoiceMethods.Phone;
            invitation.ChosenAt = requestedAt.AddDays(2 + i % 4);
            invitation.WebChoices = invitation.ChoiceMethod == WfiChoiceMethods.Web ? 1 : 0;
        }

        invitation.Bookings = 1;
        var interview = invitation.Choice == WfiOptionKeys.Centre ? centreAt : jobcentreAt;
        invitation.Attended = interview < now ? Mix(i + 3, k) % 10 < 7 : null;
        return invitation;
    }

    private static DateOnly Weekday(DateOnly date)
        => date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };

    /// <summary>A fixed scramble of two small numbers: varied figures that are the same on every run (no randomness to seed).</summary>
    private static int Mix(int a, int b)
    {
        unchecked
        {
            var h = (uint)(a * 73856093) ^ (uint)(b * 19349663) ^ 0x9e3779b9u;
            h ^= h >> 15;
            h *= 0x2c1b3c6du;
            h ^= h >> 12;
            return (int)(h % 10007);
        }
    }
}
