namespace Pilot.Shared.Letters;

/// <summary>
/// Sends a rendered letter to be printed and posted: GOV.UK Notify when configured, otherwise the
/// embedded print-batch folder. Idempotent on <paramref name="reference"/>: sending the same
/// reference twice posts one letter.
/// </summary>
public interface ILetterDispatcher
{
    Task<LetterDispatch> DispatchAsync(string reference, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken);
}

/// <param name="Channel">"notify" or "print-batch".</param>
/// <param name="ProviderReference">Notify's notification id, or the blob name in the print batch.</param>
public sealed record LetterDispatch(string Channel, string ProviderReference);
