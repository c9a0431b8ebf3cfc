namespace Pilot.Shared.Reminders.Templates;

/// <summary>The kinds of appointment a parent can be texted about.</summary>
public static class AppointmentKinds
{
    /// <summary>Work-Focused Interview: mandatory for some benefit claimants, so it is always named in full.</summary>
    public const string Wfi = "wfi";

    /// <summary>A voluntary appointment with the Jobcentre Plus Personal Adviser.</summary>
    public const string Adviser = "adviser";

    /// <summary>A session of a course run at the centre.</summary>
    public const string Course = "course";
}
