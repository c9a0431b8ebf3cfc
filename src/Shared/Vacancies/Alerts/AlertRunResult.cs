namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// What one alert-timer run did: the figures the bench and the tests check. <see cref="QueuedAtOnce"/> counts the alert
/// texts due when planned that the run put on the send queue itself (the rest wait for the end of quiet hours).
/// </summary>
public sealed record AlertRunResult(
    int VacanciesRead,
    int OpenVacancies,
    int ProfileQueries,
    int ProfilesRead,
    int Matches,
    int Alerts,
    int DigestItems,
    int AlreadySent,
    int Capped,
    int QueuedAtOnce,
    string? ReadUpTo)
{
    /// <summary>Entities the run read from storage: feed rows, alert profiles, and the cursor.</summary>
    public int EntitiesRead => VacanciesRead + ProfilesRead + 1;
}
