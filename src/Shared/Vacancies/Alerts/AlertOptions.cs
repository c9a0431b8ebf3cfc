namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>Settings under <c>Vacancies:</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Vacancies";

    /// <summary>NCRONTAB (6 fields) of the alert timer; read by the trigger as <c>%Vacancies:AlertSchedule%</c>.</summary>
    public string AlertSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>The queue vacancy batches arrive on; <c>%Vacancies:FeedQueue%</c>.</summary>
    public string FeedQueue { get; set; } = "vacancy-feed";

    /// <summary>London time of the daily digest text (HH:mm).</summary>
    public string DigestTime { get; set; } = "18:00";

    public TimeOnly Digest() => TimeOnly.ParseExact(DigestTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
