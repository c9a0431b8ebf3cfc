using System.Globalization;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>
/// The office console's page for one invitation (<c>/api/office/invitations/{id}</c>): its status as a timeline and,
/// for the office that sent it, the forms to record a choice made by phone, record attendance and cancel. Reads and
/// changes go through <see cref="WfiInvitationDesk"/>, as the API's do, so the same fences and rules apply.
/// </summary>
public sealed class InvitationPage(WfiInvitationDesk desk, ParentStore parents, VenueStore venues)
{
    public const string RecordChoice = "choice";
    public const string RecordAttendance = "attendance";
    public const string Cancel = "cancel";

    /// <summary>The new-invitation page lands here once it has sent one.</summary>
    public const string Sent = "sent";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<(Outcome<WfiInvitationView> Invitation, IReadOnlyDictionary<string, object?>? Model)> BuildAsync(Caller caller, string id, string? done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = await desk.GetAsync(caller, id, ct);
        if (!found.IsOk)
        {
            return (found, null);
        }

        var invitation = found.Value!;
        var all = await venues.AllAsync(ct);
        var parent = await parents.GetAsync(invitation.ParentId, ct);
        var open = invitation.Status is not (WfiInvitationStatuses.Cancelled);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = invitation.Id,
            ["reference"] = invitation.Reference,
            ["status"] = invitation.Status,
            ["parent"] = parent?.FullName ?? "(not on record)",
            ["respond_by"] = DateOnly.ParseExact(invitation.RespondBy, RespondByDate.Format, CultureInfo.InvariantCulture).ToString("d MMMM yyyy", English),
            ["jobcentre"] = Option(all, invitation.Options.Jobcentre),
            ["centre"] = Option(all, invitation.Options.Centre),
            ["timeline"] = Timeline(invitation).Select(e => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["what"] = e.What, ["when"] = e.When }).ToList(),
            ["can_change"] = caller.CanChange(invitation.JobcentreOfficeId),
            ["can_choose"] = open && invitation.Status != WfiInvitationStatuses.Defaulted,
            ["can_record_attendance"] = invitation.Status is WfiInvitationStatuses.Chosen or WfiInvitationStatuses.Defaulted,
            ["can_cancel"] = open,
            ["letter_href"] = invitation.Letter.ReadyAt is null ? null : $"/api/office/invitations/{Uri.EscapeDataString(invitation.Id)}/letter",
            ["done"] = done switch
            {
                RecordChoice => "The choice is recorded and the interview booked.",
                RecordAttendance => "Attendance is recorded.",
                Cancel => "The invitation is cancelled.",
                Sent => $"The invitation is sent: its letter {invitation.Reference} is made and posted within minutes.",
                _ => null,
            },
        };
        return (found, model);
    }

    /// <summary>One of the office's actions, from the posted form's fields; the desk validates and refuses as for the API.</summary>
    public Task<Outcome<WfiInvitationView>> ActAsync(Caller caller, string id, string? action, string? option, string? attended, CancellationToken ct)
        => action switch
        {
            RecordChoice => desk.RecordPhoneChoiceAsync(caller, id, new RecordWfiChoiceRequest(option), ct),
            RecordAttendance => desk.RecordAttendanceAsync(caller, id, new RecordWfiAttendanceRequest(attended switch { "yes" => true, "no" => false, _ => null }), ct),
            Cancel => desk.CancelAsync(caller, id, ct),
            _ => Task.FromResult(Outcome<WfiInvitationView>.Invalid("action", "must be choice, attendance or cancel")),
        };

    /// <summary>What happened to the invitation, oldest first, in London time.</summary>
    public static IReadOnlyList<(string What, string When)> Timeline(WfiInvitationView invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var events = new List<(DateTimeOffset At, string What)> { (invitation.RequestedAt, "Requested") };
        if (invitation.Letter.ReadyAt is { } ready)
        {
            events.Add((ready, "Letter made"));
        }

        if (invitation.Letter.PostedAt is { } posted)
        {
            events.Add((posted, $"Letter posted ({invitation.Letter.Channel ?? "print batch"})"));
            events.Add((posted, invitation.Letter.CompanionText switch
            {
                "sent" => "Companion text sent",
                "no-mobile" => "No companion text: no mobile number",
                "opted-out" => "No companion text: the parent opted out of texts",
                _ => "Companion text not sent yet",
            }));
        }

        if (invitation.Choice is { } choice)
        {
            var where = choice.Option == WfiOptionKeys.Centre ? "the children's centre" : "the Jobcentre";
            events.Add((choice.ChosenAt, choice.Method == WfiChoiceMethods.Default
                ? $"No answer by the reply date: booked at {where}"
                : $"Chose {where} by {choice.Method}"));
            if (choice.AppointmentId is not null)
            {
                var booked = choice.Option == WfiOptionKeys.Centre ? invitation.Options.Centre : invitation.Options.Jobcentre;
                events.Add((choice.ChosenAt, $"Interview booked for {When(booked.StartsAt)}"));
            }
        }

        if (invitation.CancelledAt is { } cancelled)
        {
            events.Add((cancelled, "Cancelled"));
        }

        var timeline = events.OrderBy(e => e.At).Select(e => (e.What, When(e.At))).ToList();
        if (invitation.Attended is { } attended)
        {
            timeline.Add((attended ? "Attended the interview" : "Did not attend the interview", "recorded by the office"));
        }

        return timeline;
    }

    private static Dictionary<string, object?> Option(IReadOnlyDictionary<string, Venue> all, WfiOptionView option) => new(StringComparer.Ordinal)
    {
        ["venue"] = all.GetValueOrDefault(option.VenueId)?.Name ?? option.VenueId,
        ["when"] = When(option.StartsAt),
    };

    private static string When(DateTimeOffset at) => Time.LondonTime.ToLocal(at).ToString("ddd d MMM yyyy, HH:mm", English);
}
