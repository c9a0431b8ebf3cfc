namespace Pilot.Shared.Appointments;

public static class AppointmentKinds
{
    public const string Wfi = "wfi";
    public const string Adviser = "adviser";
    public const string Course = "course";

    public static bool IsValid(string? kind) => kind is Wfi or Adviser or Course;
}

public static class AppointmentStatuses
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
}
