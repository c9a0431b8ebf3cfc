using System.Text.Json.Nodes;

namespace Pilot.IntegrationTests.BadInput;

public enum BodyFormat
{
    None,
    Json,
    TwilioForm,
    EventGrid,
    Csv,
}

/// <summary>What a stored record the fuzzing must not change is called, for the requests to use.</summary>
public sealed record SeededData(string ParentId, string AppointmentId, string InvitationId, string ChoiceToken)
{
    /// <summary>The token of the seeded parent's own link (<c>/api/p/{token}</c>).</summary>
    public string ParentToken { get; init; } = "not-used";
}

/// <summary>
/// A valid request to one endpoint, from which the bad ones are made. <see cref="FieldKinds"/> names
/// the fields whose values have a format (mobile, postcode, instant, date) so invalid ones can be tried;
/// <see cref="Headers"/> go with every request (an office's key); <see cref="HtmlErrors"/>: a page for
/// parents, whose refusals are HTML pages rather than problem+json; <see cref="ItemsField"/>: a batch
/// whose bad items are rejected one by one in a 202 (naming the item's field), the good ones kept;
/// <see cref="PastedFields"/>: the fields (JSON paths, or CSV columns) a person fills from a spreadsheet, whose
/// pasted forms must be cleaned and accepted.
/// </summary>
public sealed record EndpointSample(
    Func<SeededData, string> Path,
    BodyFormat Format,
    Func<SeededData, JsonNode?> Body,
    IReadOnlyDictionary<string, string>? FieldKinds = null,
    string? RouteField = null,
    string? RouteFieldKind = null,
    Func<string, string>? PathWithRouteValue = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    bool HtmlErrors = false,
    IReadOnlyDictionary<string, (string Valid, string Kind)>? QueryFields = null,
    string? CsvBody = null,
    string? ItemsField = null,
    IReadOnlyList<string>? PastedFields = null);
