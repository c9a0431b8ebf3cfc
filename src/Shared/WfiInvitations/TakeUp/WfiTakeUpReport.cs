using System.Globalization;
using System.Text;
using Pilot.Shared.Access;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.TakeUp;

/// <summary>
/// Take-up figures for the evaluation: the invitations requested in [from, to) (London dates), grouped
/// by office, by the centre offered, or by that centre's local authority. An office counts only its own
/// invitations (one partition query), a centre manager only those that offered their centre, central every office's.
/// </summary>
public sealed class WfiTakeUpReport(WfiInvitationStore store, VenueStore venues, TimeProvider time)
{
    public const string ByOffice = "office";
    public const string ByCentre = "centre";
    public const string ByLocalAuthority = "la";

    public async Task<Outcome<WfiTakeUp>> BuildAsync(Caller caller, string? from, string? to, string? groupBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new List<FieldError>();
        var reporting = DateBounds.Reporting(time.GetUtcNow());
        var fromDate = Date(from, "from", reporting, errors);
        var toDate = Date(to, "to", reporting, errors);
        var group = string.IsNullOrWhiteSpace(groupBy) ? ByOffice : groupBy.Trim();
        if (group is not (ByOffice or ByCentre or ByLocalAuthority))
        {
            errors.Add(new FieldError("groupBy", "must be office, centre or la"));
        }

        if (fromDate is { } f && toDate is { } t && t <= f)
        {
            errors.Add(new FieldError("to", "must be after from"));
        }

        if (errors.Count > 0 || fromDate is null || toDate is null)
        {
            return Outcome<WfiTakeUp>.Invalid(errors);
        }

        var invitations = await store.RequestedBetweenAsync(
            caller.OfficeId,
            RespondByDate.EndOf(fromDate.Value.AddDays(-1)),
            RespondByDate.EndOf(toDate.Value.AddDays(-1)),
            ct);
        if (caller.Role == Role.Centre)
        {
            invitations = [.. invitations.Where(i => string.Equals(i.CentreVenueId, caller.Id, StringComparison.Ordinal))];
        }
        else if (caller.Role != Role.Office && caller.Role != Role.Central)
        {
            invitations = [];
        }

        var all = await venues.AllAsync(ct);
        var groups = invitations
            .GroupBy(i => KeyOf(i, group, all), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, NameOf(g.Key, group, all), [.. g]))
            .ToList();
        return Outcome<WfiTakeUp>.Ok(new WfiTakeUp(RespondByDate.Text(fromDate.Value), RespondByDate.Text(toDate.Value), group, groups, Count("total", "All", invitations)));
    }

    public static string ToCsv(WfiTakeUp report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        csv.Append("group,name,invitations,sent,answered,answeredByText,answeredByWeb,answeredByPhone,choseCentre,centreShare,defaulted,cancelled,attended,missed,attendanceUnknown\r\n");
        foreach (var g in report.Groups.Append(report.Total))
        {
            csv.AppendJoin(',', [
                Cell(g.Key), Cell(g.Name), N(g.Invitations), N(g.Sent), N(g.Answered.Total), N(g.Answered.Text), N(g.Answered.Web), N(g.Answered.Phone),
                N(g.ChoseCentre), g.CentreShare?.ToString("0.###", CultureInfo.InvariantCulture) ?? "", N(g.Defaulted), N(g.Cancelled),
                N(g.Attendance.Attended), N(g.Attendance.Missed), N(g.Attendance.Unknown)]).Append("\r\n");
        }

        return csv.ToString();
    }

    private static WfiTakeUpGroup Count(string key, string name, IReadOnlyCollection<WfiInvitationEntity> invitations)
    {
        var answered = invitations.Where(i => i.Status == WfiInvitationStatuses.Chosen).ToList();
        var booked = invitations.Where(i => i.Status is WfiInvitationStatuses.Chosen or WfiInvitationStatuses.Defaulted).ToList();
        var choseCentre = answered.Count(i => i.Choice == WfiOptionKeys.Centre);
        return new WfiTakeUpGroup(
            key,
            name,
            invitations.Count,
            invitations.Count(i => i.PostedAt is not null),
            new WfiAnswered(
                answered.Count,
                answered.Count(i => i.ChoiceMethod == WfiChoiceMethods.Text),
                answered.Count(i => i.ChoiceMethod == WfiChoiceMethods.Web),
                answered.Count(i => i.ChoiceMethod == WfiChoiceMethods.Phone)),
            choseCentre,
            answered.Count == 0 ? null : Math.Round((double)choseCentre / answered.Count, 3),
            invitations.Count(i => i.Status == WfiInvitationStatuses.Defaulted),
            invitations.Count(i => i.Status == WfiInvitationStatuses.Cancelled),
            new WfiAttendance(booked.Count(i => i.Attended == true), booked.Count(i => i.Attended == false), booked.Count(i => i.Attended is null)));
    }

    private static string KeyOf(WfiInvitationEntity invitation, string group, IReadOnlyDictionary<string, Venue> all) => group switch
    {
        ByCentre => invitation.CentreVenueId,
        ByLocalAuthority => all.GetValueOrDefault(invitation.CentreVenueId)?.LocalAuthority ?? "unknown",
        _ => invitation.OfficeId,
    };

    private static string NameOf(string key, string group, IReadOnlyDictionary<string, Venue> all)
        => group == ByLocalAuthority ? key : all.GetValueOrDefault(key)?.Name ?? key;

    private static DateOnly? Date(string? text, string field, DateRange reporting, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, "is required: a date, yyyy-MM-dd"));
            return null;
        }

        if (RespondByDate.TryParse(text, out var date))
        {
            if (reporting.Contains(date))
            {
                return date;
            }

            errors.Add(reporting.Refusal(field));
            return null;
        }

        errors.Add(new FieldError(field, "must be a date, yyyy-MM-dd"));
        return null;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quoted when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
