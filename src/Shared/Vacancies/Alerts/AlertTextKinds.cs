namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>The kinds of alert texts in the Texts table, beside the reminder kinds.</summary>
public static class AlertTextKinds
{
    public const string Alert = "vacancy-alert";
    public const string Digest = "vacancy-digest";

    public static bool IsAlert(string kind) => kind is Alert or Digest;
}
