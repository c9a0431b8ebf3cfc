using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pilot.LocalRunner;
using Pilot.Shared.DemoData;

try
{
    await using var app = LocalRunnerApp.Build(LocalRunnerApp.CreateBuilder(args));
    if (app.Configuration.GetValue<bool>("Demo:Seed"))
    {
        // Idempotent: fixed ids, so a restart adds nothing twice.
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    await app.RunAsync();
    return 0;
}
catch (LocalRunnerStartupException ex)
{
    // A configuration mistake, not a crash: say what to fix without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
