using Pilot.Shared.Parents;
using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// A vacancy alert: the parent must still have alerts on (opted in, no STOP, no JOBS OFF), and it is written at the
/// moment of sending about its vacancy if that is still open; if it has expired there is nothing to send.
/// </summary>
public sealed class AlertRule : ITextRule
{
    public bool Covers(string kind) => kind == AlertTextKinds.Alert;

    public bool KeepsQuietHours => true;

    public bool MayGoOverCap => false;

    public string NothingLeft => "vacancy-expired";

    public string? WhyNot(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return WhyNotTo(facts.Parent);
    }

    public string? WhyNotAfterQuietHours(SendFacts facts, DateTimeOffset quietEnd) => null;

    public string? Compose(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var open = OpenAt(facts);
        return open.Count == 0 ? null : AlertText.Alert(open[0].Vacancy, open[0].DistanceKm, facts.Parent!.PreferredLanguage);
    }

    /// <summary>Whether a parent may have an alert or a digest now; shared with <see cref="DigestRule"/>.</summary>
    internal static string? WhyNotTo(ParentEntity? parent) => parent switch
    {
        null => "parent-missing",
        { OptedOutAt: not null } => "opted-out",
        { MayReceiveAlerts: false } => "alerts-off",
        _ => null,
    };

    internal static List<(Vacancies.Catalogue.VacancyEntity Vacancy, double DistanceKm)> OpenAt(SendFacts facts) =>
        [.. facts.Vacancies.Where(v => v.Vacancy.IsOpenAt(facts.Now))];
}
