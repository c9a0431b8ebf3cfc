namespace Pilot.Shared.Parents.Erasure;

/// <summary>
/// What an erasure removed or anonymised, kept as counts only: <see cref="ErasureId"/> is a random id
/// (never the parent's) that now stands in for the parent on the rows kept for management information.
/// </summary>
public sealed record ErasureReport(
    string ErasureId,
    DateTimeOffset ErasedAt,
    int Appointments,
    int Texts,
    int TextsCancelled,
    int OutboxMessages,
    int InboundTexts,
    int AlertRows,
    int Invitations,
    int Letters);
