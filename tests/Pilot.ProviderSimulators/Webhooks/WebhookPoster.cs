using System.Net.Http.Headers;
using System.Text;
using Pilot.ProviderSimulators.Recording;

namespace Pilot.ProviderSimulators.Webhooks;

/// <summary>Posts webhooks, records each one, and lets a test wait until those in flight are done.</summary>
internal sealed class WebhookPoster(HttpClient http, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Task> _inFlight = [];

    /// <summary>Runs background work (a delivery sequence) so that <see cref="WhenIdleAsync"/> waits for it.</summary>
    public void Track(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (HttpRequestException)
            {
                // Already recorded; a receiver that is down is the test's business.
            }
            catch (OperationCanceledException)
            {
                // The simulator is stopping.
            }
        });
        lock (_gate)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(task);
        }
    }

    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                pending = [.. _inFlight];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(ct);
        }
    }

    public async Task<WebhookResponse> PostFormAsync(RecordList<WebhookDelivery> log, Uri url, IReadOnlyDictionary<string, string> form, string signature, CancellationToken ct)
    {
        var content = new FormUrlEncodedContent(form);
        var body = await content.ReadAsStringAsync(ct);
        return await SendAsync(log, url, content, body, form, signature, [("X-Twilio-Signature", signature)], ct);
    }

    public Task<WebhookResponse> PostJsonAsync(RecordList<WebhookDelivery> log, Uri url, string json, IEnumerable<(string Name, string Value)> headers, CancellationToken ct)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return SendAsync(log, url, content, json, null, null, headers, ct);
    }

    /// <summary>Posts and records; a transport failure is recorded and then thrown.</summary>
    private async Task<WebhookResponse> SendAsync(
        RecordList<WebhookDelivery> log,
        Uri url,
        HttpContent content,
        string body,
        IReadOnlyDictionary<string, string>? form,
        string? signature,
        IEnumerable<(string Name, string Value)> headers,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var sentAt = time.GetUtcNow();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var answer = new WebhookResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text);
            log.Add(new WebhookDelivery(sentAt, url, body, form, signature, response.StatusCode, null));
            return answer;
        }
        catch (HttpRequestException ex)
        {
            log.Add(new WebhookDelivery(sentAt, url, body, form, signature, null, ex.Message));
            throw;
        }
    }

    public void Dispose() => http.Dispose();
}
