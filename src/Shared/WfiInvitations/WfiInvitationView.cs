namespace Pilot.Shared.WfiInvitations;

/// <summary>The answer to <c>GET /api/wfi-invitations/{id}</c>; times in London time.</summary>
public sealed record WfiInvitationView(
    string Id,
    string Reference,
    string Status,
    string ParentId,
    string JobcentreOfficeId,
    string RespondBy,
    WfiOptionsView Options,
    WfiChoiceView? Choice,
    WfiLetterView Letter,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CancelledAt,
    bool? Attended)
{
    public static WfiInvitationView From(WfiInvitationEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new WfiInvitationView(
            e.Id,
            e.Reference,
            e.Status,
            e.ParentId,
            e.OfficeId,
            e.RespondBy,
            new WfiOptionsView(
                new WfiOptionView(e.JobcentreVenueId, Time.LondonTime.ToLocal(e.JobcentreStartsAt)),
                new WfiOptionView(e.CentreVenueId, Time.LondonTime.ToLocal(e.CentreStartsAt))),
            e.Choice is null ? null : new WfiChoiceView(e.Choice, e.ChoiceMethod ?? "", Time.LondonTime.ToLocal(e.ChosenAt ?? e.RequestedAt), e.AppointmentId),
            new WfiLetterView(e.LetterBlob, e.LetterReadyAt, e.PostedAt, e.DispatchChannel, e.DispatchReference, e.CompanionText),
            Time.LondonTime.ToLocal(e.RequestedAt),
            e.CancelledAt,
            e.Attended);
    }
}

public sealed record WfiOptionsView(WfiOptionView Jobcentre, WfiOptionView Centre);

public sealed record WfiOptionView(string VenueId, DateTimeOffset StartsAt);

/// <param name="Method">text, web, phone or default.</param>
public sealed record WfiChoiceView(string Option, string Method, DateTimeOffset ChosenAt, string? AppointmentId);

/// <param name="Blob">Where the PDF is kept (container/name), once rendered.</param>
/// <param name="CompanionText">sent, no-mobile or opted-out, once posted.</param>
public sealed record WfiLetterView(string? Blob, DateTimeOffset? ReadyAt, DateTimeOffset? PostedAt, string? Channel, string? ProviderReference, string? CompanionText);
