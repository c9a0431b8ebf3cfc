using Pilot.Shared.Parents;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations;

/// <summary>An invitation request that passed every check: who is invited, to which two appointments, answers by when.</summary>
public sealed record WfiInvitationDraft(
    Venue Office,
    ParentEntity Parent,
    Venue Jobcentre,
    DateTimeOffset JobcentreStartsAt,
    Venue Centre,
    DateTimeOffset CentreStartsAt,
    DateOnly RespondBy);
