using Pilot.Shared.Validation;

namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>What the new-invitation page answers a post with: the next step to show (with any errors), or the invitation sent.</summary>
/// <param name="Status">200, or 400 when the step is shown again with its errors, 409 when the parent was invited to these appointments before.</param>
/// <param name="SentId">Set once the invitation is sent: the page goes to the invitation.</param>
public sealed record NewInvitationStep(int Status, IReadOnlyDictionary<string, object?> Model, IReadOnlyList<FieldError> Errors, string? SentId = null);
