namespace Pilot.LoadRun;

/// <summary>
/// Offers work at a steady pace: each request is started at its planned instant whatever the answers before it
/// took (at most a fixed number in flight; a request that has to wait for a slot counts as lag), and the
/// parents take turns, so every number gets the same share of texts.
/// </summary>
internal sealed class LoadGenerator(IReadOnlyList<LoadParent> parents, int maxInFlight, CancellationToken ct) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxInFlight);
    private readonly List<Task> _sent = [];
    private readonly Lock _gate = new();
    private int _nextParent = -1;
    private int _refused;
    private TimeSpan _maxLag;

    public int Refused => Volatile.Read(ref _refused);

    public string? FirstError { get; private set; }

    public TimeSpan MaxLag
    {
        get
        {
            lock (_gate)
            {
                return _maxLag;
            }
        }
    }

    public LoadParent NextParent() => parents[(int)((uint)Interlocked.Increment(ref _nextParent) % (uint)parents.Count)];

    /// <summary>
    /// <paramref name="perSecond"/> items a second from <paramref name="start"/> for <paramref name="length"/>: one
    /// request per item, or with <paramref name="batched"/> one request a second carrying that second's items.
    /// </summary>
    public async Task PaceAsync(DateTimeOffset start, TimeSpan length, double perSecond, Func<IReadOnlyList<LoadParent>, DateTimeOffset, CancellationToken, Task> send, bool batched = false)
    {
        var total = (int)Math.Round(perSecond * length.TotalSeconds);
        var seconds = (int)length.TotalSeconds;
        var plan = batched
            ? Enumerable.Range(0, seconds).Select(s => (At: start.AddSeconds(s), Count: (int)Math.Round(perSecond * (s + 1)) - (int)Math.Round(perSecond * s)))
            : Enumerable.Range(0, total).Select(i => (At: start.AddSeconds(i / perSecond), Count: 1));
        foreach (var (at, count) in plan)
        {
            if (count == 0)
            {
                continue;
            }

            var wait = at - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            await _slots.WaitAsync(ct);
            var launched = DateTimeOffset.UtcNow;
            lock (_gate)
            {
                _maxLag = launched - at > _maxLag ? launched - at : _maxLag;
            }

            var batch = Enumerable.Range(0, count).Select(_ => NextParent()).ToList();
            var task = SendAsync(send, batch, launched);
            lock (_gate)
            {
                _sent.Add(task);
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    public async Task WhenSentAsync()
    {
        Task[] all;
        lock (_gate)
        {
            all = [.. _sent];
        }

        await Task.WhenAll(all);
    }

    private async Task SendAsync(Func<IReadOnlyList<LoadParent>, DateTimeOffset, CancellationToken, Task> send, List<LoadParent> batch, DateTimeOffset launched)
    {
        try
        {
            await send(batch, launched, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Interlocked.Increment(ref _refused);
            lock (_gate)
            {
                FirstError ??= ex.Message;
            }
        }
        finally
        {
            _slots.Release();
        }
    }
}
