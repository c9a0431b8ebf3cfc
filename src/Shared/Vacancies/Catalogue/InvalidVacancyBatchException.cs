namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>A feed-queue message that is not a vacancy batch at all; its message is the reason the poison queue records.</summary>
public sealed class InvalidVacancyBatchException : Exception
{
    public InvalidVacancyBatchException()
    {
    }

    public InvalidVacancyBatchException(string message)
        : base(message)
    {
    }

    public InvalidVacancyBatchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
