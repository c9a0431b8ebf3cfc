using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Venues;

namespace Pilot.Shared.Appointments.Console;

/// <summary>
/// The office console's list of upcoming appointments (<c>/api/office/appointments</c>): an office's own, central's
/// every office's, soonest first, <see cref="PageSize"/> a page, each page after the last one shown (a cursor, not an offset).
/// </summary>
public sealed class AppointmentListPage(AppointmentStore appointments, ParentStore parents, VenueStore venues, TimeProvider time)
{
    public const int PageSize = 25;

    public const string Path = Pages.PagePaths.Appointments;

    /// <returns>The page's model, or null when <paramref name="after"/> is not a cursor this page wrote.</returns>
    public async Task<IReadOnlyDictionary<string, object?>?> BuildAsync(Caller caller, string? after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var cursor = string.IsNullOrEmpty(after) ? null : AppointmentCursor.Parse(after);
        if (!string.IsNullOrEmpty(after) && cursor is null)
        {
            return null;
        }

        var officeId = caller.Role == Role.Central ? null : caller.OfficeId ?? throw new InvalidOperationException($"{caller.Principal} has no appointments list.");
        var found = await appointments.SoonestAsync(officeId, time.GetUtcNow(), cursor, PageSize + 1, ct);
        var shown = found.Take(PageSize).ToList();
        var all = await venues.AllAsync(ct);
        var rows = new List<object?>();
        foreach (var appointment in shown)
        {
            var parent = await parents.GetAsync(appointment.ParentId, ct);
            rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["href"] = $"{Path}/{Uri.EscapeDataString(appointment.Id)}",
                ["when"] = AppointmentWords.When(appointment.StartsAt),
                ["parent"] = parent?.FullName ?? "(not on record)",
                ["kind"] = AppointmentWords.Kind(appointment.Kind),
                ["venue"] = all.GetValueOrDefault(appointment.VenueId)?.Name ?? appointment.VenueId,
                ["office"] = appointment.OfficeId,
                ["cancelled"] = appointment.Status == AppointmentStatuses.Cancelled,
            });
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["rows"] = rows,
            ["scope"] = officeId is null ? "Every office's" : "Your office's",
            ["central"] = officeId is null,
            ["can_book"] = caller.OfficeId is not null,
            ["next_href"] = found.Count > PageSize ? $"{Path}?after={Uri.EscapeDataString(AppointmentCursor.After(shown[^1]).Text)}" : null,
            ["first_href"] = cursor is null ? null : Path,
        };
    }
}
