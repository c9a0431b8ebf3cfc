namespace Pilot.Shared.WfiInvitations;

/// <summary>The body of <c>POST /api/wfi-invitations</c>.</summary>
public sealed record CreateWfiInvitationRequest(string? ParentId, string? JobcentreOfficeId, WfiOptionsRequest? Options, string? RespondBy);

public sealed record WfiOptionsRequest(WfiOptionRequest? Jobcentre, WfiOptionRequest? Centre);

/// <param name="VenueId">Optional: the office itself for the Jobcentre option, the nearest pilot centre for the centre option.</param>
public sealed record WfiOptionRequest(string? StartsAt, string? VenueId);

/// <summary>The body of <c>POST /api/wfi-invitations/{id}/choice</c>: a choice the parent gave the office by phone.</summary>
public sealed record RecordWfiChoiceRequest(string? Option);

/// <summary>The body of <c>POST /api/wfi-invitations/{id}/attendance</c>.</summary>
public sealed record RecordWfiAttendanceRequest(bool? Attended);

public sealed record WfiInvitationAccepted(string Id, string Reference);
