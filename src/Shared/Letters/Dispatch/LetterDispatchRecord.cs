namespace Pilot.Shared.Letters.Dispatch;

public enum LetterDispatchState
{
    /// <summary>Stored, not yet handed to a channel.</summary>
    Stored,

    /// <summary>A channel was chosen and the hand-over started; it may or may not have finished.</summary>
    Sending,

    /// <summary>The channel took the letter: <see cref="LetterDispatchRecord.ProviderReference"/> names it there.</summary>
    Dispatched,
}

/// <summary>What the store knows of a letter's dispatch (kept as metadata on the letter's blob).</summary>
public sealed record LetterDispatchRecord(
    string Reference,
    LetterDispatchState State,
    string? Channel,
    string? ProviderReference,
    DateTimeOffset? DispatchedAt)
{
    public LetterDispatch? Dispatch =>
        State == LetterDispatchState.Dispatched && Channel is not null && ProviderReference is not null
            ? new LetterDispatch(Channel, ProviderReference)
            : null;
}
