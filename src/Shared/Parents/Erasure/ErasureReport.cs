namespace Pilot.Shared.Parents.Erasure;

/// <summary>
/// What an erasure removed or anonymised, kept as counts only: <see cref="ErasureId"/> is a random id
/// (never the parent's) that now stands in for the parent on the rows kept for management information;
/// <see cref="RequestedBy"/> is the principal who asked (<c>office:jcp-lambeth</c>, or <c>central</c> on a subject-access request).
/// </summary>
public sealed record ErasureReport(
    string ErasureId,
    DateTimeOffset ErasedAt,
    string RequestedBy,
    int Appointments,
    int Texts,
    int TextsCancelled,
    int OutboxMessages,
    int InboundTexts,
    int AlertRows,
    int Invitations,
    int Letters);
