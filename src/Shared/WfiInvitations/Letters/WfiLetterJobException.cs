namespace Pilot.Shared.WfiInvitations.Letters;

/// <summary>A letter job that can never succeed; the queue retries it and then moves it to its poison queue with this reason.</summary>
public sealed class WfiLetterJobException : Exception
{
    public WfiLetterJobException()
    {
    }

    public WfiLetterJobException(string message)
        : base(message)
    {
    }

    public WfiLetterJobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
