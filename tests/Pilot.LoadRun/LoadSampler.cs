using Azure;
using Azure.Storage.Queues;

namespace Pilot.LoadRun;

/// <summary>
/// Every few seconds: the runner's resident memory and the approximate depth of its queues (the send queue,
/// the letter queue, the vacancy feed, and their poison queues together), the CPU time the runner and Azurite have
/// used, and the load average. Depths include delayed messages.
/// </summary>
internal sealed class LoadSampler(string storage, Func<int> runnerPid, IReadOnlyList<int> azuritePids, string sendQueue, string letterQueue, string feedQueue)
{
    private readonly List<LoadSample> _samples = [];
    private readonly QueueServiceClient _queues = new(storage);

    public IReadOnlyList<LoadSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(TimeSpan every, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            do
            {
                var sample = await SampleAsync(ct);
                lock (_samples)
                {
                    _samples.Add(sample);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Sampling stops with the drain, also in the middle of a sample.
        }
    }

    public async Task<LoadSample> SampleAsync(CancellationToken ct)
    {
        var at = DateTimeOffset.UtcNow;
        var rss = ProcStats.ResidentBytes(runnerPid());
        var runnerCpu = ProcStats.CpuSeconds(runnerPid());
        var azuriteCpu = azuritePids.Count == 0 ? null : azuritePids.Select(p => ProcStats.CpuSeconds(p)).Sum();
        var poison = await DepthAsync(sendQueue + "-poison", ct) + await DepthAsync(letterQueue + "-poison", ct) + await DepthAsync(feedQueue + "-poison", ct);
        return new LoadSample(
            at, rss, await DepthAsync(sendQueue, ct), await DepthAsync(letterQueue, ct), await DepthAsync(feedQueue, ct), poison, runnerCpu, azuriteCpu, ProcStats.LoadAverage());
    }

    private async Task<int> DepthAsync(string queue, CancellationToken ct)
    {
        try
        {
            return (await _queues.GetQueueClient(queue).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
