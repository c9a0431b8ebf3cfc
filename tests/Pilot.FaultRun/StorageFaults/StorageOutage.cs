using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Pilot.Shared.Sms.Outbound;
using static Pilot.TestSupport.Harness;

namespace Pilot.FaultRun.StorageFaults;

/// <summary>
/// The run's one storage outage: every storage request fails for its length while the app is asked over HTTP every
/// two seconds (each answer should be 503 with <c>Retry-After</c>); then the time until every text due by the
/// outage's end has settled, with no help.
/// </summary>
public static class StorageOutage
{
    public static async Task<OutageFigures> RunAsync(
        StorageFaultProxy proxy, DateTimeOffset at, TimeSpan length, Func<HttpRequestMessage> probe, TableClient texts, TimeSpan drainTimeout, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(texts);
        await DelayUntilAsync(at, ct);
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        proxy.BeginOutage();
        Say(progress, $"[faults] {DateTimeOffset.UtcNow:HH:mm:ss} storage outage begins ({length.TotalSeconds:F0} s): every table, queue and blob request fails 503 ServerBusy");
        var outage = Stopwatch.StartNew();
        try
        {
            while (outage.Elapsed < length)
            {
                var answer = await AskAsync(http, probe(), ct);
                answers[answer] = answers.GetValueOrDefault(answer) + 1;
                var left = length - outage.Elapsed;
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left < TimeSpan.FromSeconds(2) ? left : TimeSpan.FromSeconds(2), ct);
                }
            }
        }
        finally
        {
            proxy.EndOutage();
        }

        var ended = DateTimeOffset.UtcNow;
        Say(progress, $"[faults] {ended:HH:mm:ss} storage outage over; HTTP answers during it: {string.Join(", ", answers.Select(a => $"{a.Key} x{a.Value}"))}");
        var lastBucket = DueBuckets.For(ended);
        var draining = Stopwatch.StartNew();
        while (draining.Elapsed < drainTimeout)
        {
            var open = 0;
            await foreach (var text in texts.QueryAsync<TextEntity>(maxPerPage: 1000, cancellationToken: ct))
            {
                if (string.CompareOrdinal(text.PartitionKey, lastBucket) <= 0 && text.State is TextStates.Scheduled or TextStates.Queued or TextStates.Sending)
                {
                    open++;
                }
            }

            if (open == 0)
            {
                Say(progress, $"[faults] {DateTimeOffset.UtcNow:HH:mm:ss} backlog from before the outage's end drained {draining.Elapsed.TotalSeconds:F0} s after it");
                return new OutageFigures(length, answers, draining.Elapsed);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        return new OutageFigures(length, answers, null);
    }

    private static async Task<string> AskAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using (request)
            using (var answer = await http.SendAsync(request, ct))
            {
                return answer.StatusCode == HttpStatusCode.ServiceUnavailable
                    ? answer.Headers.RetryAfter is null ? "503 without Retry-After" : OutageFigures.Busy
                    : $"{(int)answer.StatusCode} {answer.Content.Headers.ContentType?.MediaType}";
            }
        }
        catch (HttpRequestException ex)
        {
            return "no answer: " + ex.HttpRequestError;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "no answer in 30 s";
        }
    }
}
