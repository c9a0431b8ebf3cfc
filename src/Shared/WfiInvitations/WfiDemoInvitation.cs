using System.Globalization;
using Pilot.Shared.Access;

namespace Pilot.Shared.WfiInvitations;

/// <summary>
/// The demo's WFI invitation: the Ealing office invites demo parent 3 (Hodan), so <c>./run.sh</c> shows a
/// letter in the print batch, the companion text in the outbox and a choice to make. Added once (fixed id).
/// </summary>
public sealed class WfiDemoInvitation(WfiInvitationDesk desk, WfiInvitationStore store, TimeProvider time)
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
        var request = new CreateWfiInvitationRequest(
            ParentId,
            null,
            new WfiOptionsRequest(new WfiOptionRequest(At(today.AddDays(10), 10), null), new WfiOptionRequest(At(today.AddDays(11), 10), null)),
            RespondByDate.Text(today.AddDays(7)));
        var created = await desk.CreateAsync(Caller.Office(OfficeId), request, "demo", Id, ct);
        return created.IsOk
            ? true
            : throw new InvalidOperationException($"Demo invitation is invalid: {string.Join("; ", created.Errors.Select(e => $"{e.Field} {e.Message}"))}");
    }

    private static string At(DateOnly date, int hour)
        => Time.LondonTime.FromLocal(date.ToDateTime(new TimeOnly(hour, 0))).ToString("O", CultureInfo.InvariantCulture);
}
