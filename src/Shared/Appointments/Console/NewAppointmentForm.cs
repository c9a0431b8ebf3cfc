namespace Pilot.Shared.Appointments.Console;

/// <summary>What the "book an appointment" form posts: the fields of <see cref="BookAppointmentRequest"/>, the time as an adviser types it.</summary>
public sealed record NewAppointmentForm(string? ParentId, string? VenueId, string? Kind, string? AdviserName, AppointmentTimeForm When)
{
    public static readonly NewAppointmentForm Empty = new(null, null, null, null, new AppointmentTimeForm(null, null, null, null));
}
