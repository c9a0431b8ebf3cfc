namespace Pilot.Shared.Letters;

/// <summary>
/// A letter could not be handed to its channel. <see cref="IsPermanent"/>: the channel refused it
/// (Notify answered 400 or 403) and trying again will not help; otherwise the outcome is unknown or the
/// channel is down, and the same dispatch may be retried later (it is idempotent on the reference).
/// Carries no personal data.
/// </summary>
public sealed class LetterDispatchException : Exception
{
    public LetterDispatchException()
    {
    }

    public LetterDispatchException(string message)
        : base(message)
    {
    }

    public LetterDispatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LetterDispatchException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    public bool IsPermanent { get; }

    /// <summary>
    /// When a retry can settle it: a letter left <c>sending</c> (an answer lost, another worker on it) is
    /// another attempt's until its sending lease ends, so retrying sooner only finds it busy again. Null: any time.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
