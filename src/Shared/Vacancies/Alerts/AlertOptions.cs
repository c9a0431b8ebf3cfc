namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>Settings under <c>Vacancies:</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Vacancies";

    /// <summary>
    /// NCRONTAB (6 fields) of the alert timer; read by the trigger as <c>%Vacancies:AlertSchedule%</c>. Half past the
    /// minute by default: at second 0 its storage work (a ledger claim and a text for each alert) met the dispatch tick's
    /// burst, which starts then; its texts fall due at the next minute either way.
    /// </summary>
    public string AlertSchedule { get; set; } = "30 */5 * * * *";

    /// <summary>The queue vacancy batches arrive on; <c>%Vacancies:FeedQueue%</c>.</summary>
    public string FeedQueue { get; set; } = "vacancy-feed";

    /// <summary>London time of the daily digest text (HH:mm).</summary>
    public string DigestTime { get; set; } = "18:00";

    public TimeOnly Digest() => TimeOnly.ParseExact(DigestTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
