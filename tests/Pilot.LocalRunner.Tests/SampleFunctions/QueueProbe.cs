using System.Collections.Concurrent;

namespace Pilot.LocalRunner.Tests.SampleFunctions;

/// <summary>Counts the attempts the sample queue functions saw, by message body, for one test.</summary>
public sealed class QueueProbe
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentQueue<SampleOrder> _orders = new();

    public IReadOnlyCollection<SampleOrder> Orders => _orders;

    public int Attempts(string body) => _attempts.GetValueOrDefault(body);

    public void Attempted(string body) => _attempts.AddOrUpdate(body, 1, (_, n) => n + 1);

    public void Received(SampleOrder order) => _orders.Enqueue(order);
}
