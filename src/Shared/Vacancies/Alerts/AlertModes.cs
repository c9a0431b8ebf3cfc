namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>How a parent gets alerts: a text per vacancy as it comes, or one daily digest text.</summary>
public static class AlertModes
{
    public const string Immediate = "immediate";
    public const string Digest = "digest";
}
