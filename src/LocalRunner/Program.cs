using Pilot.LocalRunner;

try
{
    await using var app = LocalRunnerApp.Build(LocalRunnerApp.CreateBuilder(args));
    await app.RunAsync();
    return 0;
}
catch (LocalRunnerStartupException ex)
{
    // A configuration mistake, not a crash: say what to fix without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
