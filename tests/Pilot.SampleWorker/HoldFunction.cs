using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Pilot.SampleWorker;

/// <summary>
/// Counts its attempts per message in <c>Sample:MarkerDirectory</c>. A message starting with <c>hold</c> waits on its
/// first attempt until the invocation is cancelled (then writes <c>.cancelled</c>); every other attempt writes <c>.done</c>.
/// </summary>
public sealed class HoldFunction(IConfiguration configuration)
{
    [Function("Hold")]
    public async Task Run([QueueTrigger("%Sample:HoldQueue%")] string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = configuration["Sample:MarkerDirectory"] ?? throw new InvalidOperationException("Sample:MarkerDirectory is not set.");
        var attempts = Path.Combine(folder, message + ".attempts");
        await File.AppendAllTextAsync(attempts, "x", CancellationToken.None);
        var attempt = (await File.ReadAllTextAsync(attempts, CancellationToken.None)).Length;
        if (message.StartsWith("hold", StringComparison.Ordinal) && attempt == 1)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, message + ".cancelled"), "", CancellationToken.None);
                throw;
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, message + ".done"), attempt.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
    }
}
