using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Tests.SampleFunctions;

/// <summary>Functions the runner must refuse at start-up; tests list them in host.json only when they mean to.</summary>
public static class UnsupportedFunctions
{
    [Function("SampleWithContext")]
    public static void WithContext([TimerTrigger("0 0 0 * * *")] TimerInfo timer, FunctionContext context)
    {
    }

    [Function("SampleWithOutputReturn")]
    public static string WithOutputReturn([QueueTrigger("sample-output")] string message) => message;
}
