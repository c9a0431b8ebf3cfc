namespace Pilot.LocalRunner.Worker;

/// <summary>The worker's stream ended (it exited or was killed) before it answered.</summary>
internal sealed class WorkerGoneException : Exception
{
    public WorkerGoneException()
        : this("The worker process went away before it answered.")
    {
    }

    public WorkerGoneException(string message)
        : base(message)
    {
    }

    public WorkerGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
