namespace Pilot.LocalRunner.Worker;

/// <summary>The worker ran the function and reports that it failed (an unhandled exception, a binding that failed).</summary>
internal sealed class FunctionInvocationException : Exception
{
    public FunctionInvocationException()
    {
    }

    public FunctionInvocationException(string message)
        : base(message)
    {
    }

    public FunctionInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
