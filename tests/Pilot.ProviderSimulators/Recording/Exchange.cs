using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Pilot.ProviderSimulators.Faults;

namespace Pilot.ProviderSimulators.Recording;

/// <summary>The request as an endpoint sees it: the raw body read once, parsed as form or JSON.</summary>
internal sealed record IncomingRequest(HttpContext Context, byte[] RawBody, string Body, IReadOnlyDictionary<string, string>? Form, JsonElement? Json)
{
    public string? FormValue(string key) => Form is not null && Form.TryGetValue(key, out var value) ? value : null;

    public string? Header(string name)
    {
        var values = Context.Request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }
}

/// <summary>Runs one endpoint: read, decide, record, then answer (or abort), then start follow-up work.</summary>
internal static class Exchange
{
    public static async Task RunAsync(
        HttpContext context,
        RecordList<RecordedRequest> log,
        TimeProvider time,
        Func<IncomingRequest, Task<SimResponse>> handle)
    {
        var receivedAt = time.GetUtcNow();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var raw = buffer.ToArray();
        var body = Encoding.UTF8.GetString(raw);
        var incoming = new IncomingRequest(context, raw, body, ParseForm(context.Request, body), ParseJson(context.Request, body));

        var response = await handle(incoming);

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        log.Add(new RecordedRequest(
            receivedAt,
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            headers,
            body,
            incoming.Form,
            incoming.Json,
            response.Abort ? 0 : response.Status));

        if (response.Abort)
        {
            response.AfterResponse?.Invoke();
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (response.Json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Json.ToJsonString(), context.RequestAborted);
        }

        await context.Response.CompleteAsync();
        response.AfterResponse?.Invoke();
    }

    /// <summary>Waits for the fault script's latency and any scripted delay; returns the fault left to act on.</summary>
    public static async Task<Fault?> ApplyDelaysAsync(FaultScript script, TimeProvider time, CancellationToken ct)
    {
        var (latency, fault) = script.Next();
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, ct);
        }

        if (fault is { Kind: FaultKind.Delay })
        {
            await Task.Delay(fault.DelayBy, time, ct);
            return null;
        }

        return fault;
    }

    private static Dictionary<string, string>? ParseForm(HttpRequest request, string body) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)
            : null;

    private static JsonElement? ParseJson(HttpRequest request, string body)
    {
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
