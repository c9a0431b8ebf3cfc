using System.Text.Json;

namespace Pilot.ProviderSimulators.Recording;

/// <summary>One request as the simulator received it, and what it answered.</summary>
/// <param name="ResponseStatus">The status sent back; 0 when the connection was aborted instead.</param>
public sealed record RecordedRequest(
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    IReadOnlyDictionary<string, string>? Form,
    JsonElement? Json,
    int ResponseStatus)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
