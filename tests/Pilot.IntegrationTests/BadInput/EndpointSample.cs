using System.Text.Json.Nodes;

namespace Pilot.IntegrationTests.BadInput;

public enum BodyFormat
{
    None,
    Json,
    TwilioForm,
    EventGrid,
}

/// <summary>What a stored record the fuzzing must not change is called, for the requests to use.</summary>
public sealed record SeededData(string ParentId, string AppointmentId);

/// <summary>
/// A valid request to one endpoint, from which the bad ones are made. <see cref="FieldKinds"/> names
/// the fields whose values have a format (mobile, postcode, instant, date) so invalid ones can be tried.
/// </summary>
public sealed record EndpointSample(
    Func<SeededData, string> Path,
    BodyFormat Format,
    Func<SeededData, JsonNode?> Body,
    IReadOnlyDictionary<string, string>? FieldKinds = null,
    string? RouteField = null,
    string? RouteFieldKind = null,
    Func<string, string>? PathWithRouteValue = null);
