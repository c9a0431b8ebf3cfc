namespace Pilot.LoadRun;

/// <summary>
/// How the offered messages divide between the kinds, per second at the run's rate. An invitation is two
/// messages (the letter and its companion text), so invitations a second are half their share.
/// </summary>
public sealed record LoadMix(double Confirmations, double Reminders, double Alerts, double Invitations)
{
    public const double ConfirmationShare = 0.4;
    public const double ReminderShare = 0.2;
    public const double AlertShare = 0.2;
    public const double InvitationShare = 0.2;

    public static LoadMix At(double rate) =>
        new(rate * ConfirmationShare, rate * ReminderShare, rate * AlertShare, rate * InvitationShare / 2);

    /// <summary>Texts a second (everything but the letters).</summary>
    public double TextsPerSecond => Confirmations + Reminders + Alerts + Invitations;
}
