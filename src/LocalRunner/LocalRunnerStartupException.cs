namespace Pilot.LocalRunner;

/// <summary>
/// The functions or their settings cannot run as declared (an unsupported parameter, a missing
/// <c>%Setting%</c>, an invalid host.json value). Every problem found is listed, so one start-up
/// shows all of them.
/// </summary>
public sealed class LocalRunnerStartupException : Exception
{
    public LocalRunnerStartupException()
        : this([])
    {
    }

    public LocalRunnerStartupException(string message)
        : this([message])
    {
    }

    public LocalRunnerStartupException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public LocalRunnerStartupException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        "The local runner cannot start:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
