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
/// <param name="SendingSince">When the hand-over that left it <see cref="LetterDispatchState.Sending"/> started.</param>
/// <param name="Version">The blob's ETag when read: a later claim succeeds only if nobody wrote since.</param>
public sealed record LetterDispatchRecord(
    string Reference,
    LetterDispatchState State,
    string? Channel,
    string? ProviderReference,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? SendingSince = null,
    string? Version = null)
{
    public LetterDispatch? Dispatch =>
        State == LetterDispatchState.Dispatched && Channel is not null && ProviderReference is not null
            ? new LetterDispatch(Channel, ProviderReference)
            : null;
}
