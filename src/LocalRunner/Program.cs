using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilot.LocalRunner;
using Pilot.Shared.DemoData;

try
{
    await using var app = LocalRunnerApp.Build(LocalRunnerApp.CreateBuilder(args));
    if (app.Configuration.GetValue<bool>("Demo:Seed"))
    {
        // Idempotent: fixed ids, so a restart adds nothing twice.
        var seeded = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        if (seeded.ParentLink is { } link)
        {
            // On the console, not in the logs: the link is a credential, and the quick start points here.
            Console.WriteLine($"Demo: Bea's own page (the link a parent gets by texting CHANGE): {link}");
        }
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
catch (OptionsValidationException ex)
{
    // A setting the start-up checks refuse (a secret among them): each failure names its setting.
    await Console.Error.WriteLineAsync("The runner did not start:\n  " + string.Join("\n  ", ex.Failures));
    return 1;
}
catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
{
    await Console.Error.WriteLineAsync("The runner did not start:\n  " + string.Join("\n  ", ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)));
    return 1;
}
