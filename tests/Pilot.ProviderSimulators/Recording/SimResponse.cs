using System.Text.Json.Nodes;

namespace Pilot.ProviderSimulators.Recording;

/// <summary>The answer a simulated endpoint decided on, written only after the request is recorded.</summary>
internal sealed record SimResponse(int Status, JsonNode? Json, IReadOnlyList<(string Name, string Value)> Headers, bool Abort = false)
{
    public static SimResponse Of(int status, JsonNode? json, params (string Name, string Value)[] headers) =>
        new(status, json, headers);

    /// <summary>Work to start once the answer is on its way (webhooks about what was accepted).</summary>
    public Action? AfterResponse { get; init; }
}
