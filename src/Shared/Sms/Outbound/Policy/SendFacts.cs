using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Time;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// Everything <see cref="SendPolicy.Decide"/> looks at for one text, loaded by <see cref="SendFactsLoader"/>: only
/// what the text's kind needs is filled in.
/// </summary>
public sealed record SendFacts
{
    public required TextEntity Text { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required QuietHours Quiet { get; init; }

    /// <summary><c>Sms:MaxPerNumberPerHour</c>.</summary>
    public required int Cap { get; init; }

    /// <summary>The texts the number had in the last hour (empty when it has no number).</summary>
    public NumberHour Hour { get; init; } = NumberHour.Empty;

    /// <summary>A text sending whose providers all said they never took it: it is decided again, as if unsent, and repeated under its id.</summary>
    public bool NeverAccepted { get; init; }

    public ParentEntity? Parent { get; init; }

    public AppointmentEntity? Appointment { get; init; }

    public Venue? Venue { get; init; }

    public WfiInvitationEntity? Invitation { get; init; }

    /// <summary>For an alert or digest: its vacancies still stored, with their distance (the rule keeps those open now).</summary>
    public IReadOnlyList<(VacancyEntity Vacancy, double DistanceKm)> Vacancies { get; init; } = [];

    /// <summary>For a digest: how many items it had when read (the vacancies of some may be gone).</summary>
    public int DigestItems { get; init; }

    /// <summary>The number the text goes to: the one it went to before, or the one given when it was written, else the parent's.</summary>
    public string? Number => Text.To ?? Parent?.Mobile;
}
