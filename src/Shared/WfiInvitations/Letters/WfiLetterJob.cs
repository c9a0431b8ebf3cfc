namespace Pilot.Shared.WfiInvitations.Letters;

/// <summary>One message on the letter queue: render, store and post the letter of this invitation.</summary>
public sealed record WfiLetterJob(string? OfficeId, string? InvitationId);
