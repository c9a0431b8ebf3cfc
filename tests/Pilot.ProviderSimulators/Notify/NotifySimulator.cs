using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PdfSharp.Pdf.IO;
using Pilot.ProviderSimulators.Faults;
using Pilot.ProviderSimulators.Recording;

namespace Pilot.ProviderSimulators.Notify;

/// <summary>
/// GOV.UK Notify's v2 API for precompiled letters: <c>POST /v2/notifications/letter</c> (JWT bearer,
/// JSON <c>reference</c>, base64 <c>content</c>, optional <c>postage</c>) answering 201
/// <c>{"id","reference","postage"}</c>, and <c>GET /v2/notifications?reference=</c>. Stricter than Notify
/// in one way: a PDF that is not A4 portrait or has more than 10 pages is refused at once (400), where
/// Notify would accept it and fail it later as "validation-failed".
/// </summary>
public sealed class NotifySimulator
{
    public const int MaxPages = 10;
    private static readonly string[] Postages = ["first", "second", "economy"];

    private readonly SimulatorOptions _options;

    internal NotifySimulator(SimulatorOptions options)
    {
        _options = options;
        Faults = new FaultScript(options.RandomSeed + 2);
    }

    /// <summary>Every request to the Notify endpoints, in arrival order, with the status answered.</summary>
    public RecordList<RecordedRequest> Requests { get; } = new();

    /// <summary>Letters accepted, in order (one per accepted POST: Notify does not de-duplicate references).</summary>
    public RecordList<NotifyLetter> Letters { get; } = new();

    /// <summary>Why requests were refused 401/403.</summary>
    public RecordList<string> AuthFailures { get; } = new();

    public FaultScript Faults { get; }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v2/notifications/letter", context => Exchange.RunAsync(context, Requests, _options.Time, SendLetterAsync));
        routes.MapGet("/v2/notifications", context => Exchange.RunAsync(context, Requests, _options.Time, ListAsync));
    }

    private async Task<SimResponse> SendLetterAsync(IncomingRequest request)
    {
        if (Authenticate(request) is { } refused)
        {
            return refused;
        }

        var fault = await Exchange.ApplyDelaysAsync(Faults, _options.Time, request.Context.RequestAborted);
        return fault?.Kind switch
        {
            FaultKind.ServerError => Error(fault.StatusCode, "Exception", "Internal server error"),
            FaultKind.TooManyRequests => Error(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds") with
            {
                Headers = [("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))],
            },
            FaultKind.AcceptThenDrop => Accept(request) with { Abort = true },
            _ => Accept(request),
        };
    }

    private SimResponse Accept(IncomingRequest request)
    {
        if (request.Json is not { ValueKind: JsonValueKind.Object } json)
        {
            return ValidationError("Request body must be a JSON object");
        }

        if (json.TryGetProperty("template_id", out _))
        {
            return ValidationError("The simulator takes precompiled letters only: template_id is not supported");
        }

        var reference = String(json, "reference");
        if (string.IsNullOrEmpty(reference))
        {
            return ValidationError("reference is a required property");
        }

        var content = String(json, "content");
        if (string.IsNullOrEmpty(content))
        {
            return ValidationError("content is a required property");
        }

        var postage = json.TryGetProperty("postage", out var p) ? p.ValueKind == JsonValueKind.String ? p.GetString()! : "" : "second";
        if (!Postages.Contains(postage))
        {
            return ValidationError("postage invalid. It must be either first, second or economy.");
        }

        byte[] pdf;
        try
        {
            pdf = Convert.FromBase64String(content);
        }
        catch (FormatException)
        {
            return ValidationError("Cannot decode letter content (invalid base64 encoding)");
        }

        if (PdfProblem(pdf, out var pages) is { } problem)
        {
            return ValidationError(problem);
        }

        var letter = new NotifyLetter(Guid.NewGuid().ToString("D"), reference, postage, pdf, pages, _options.Time.GetUtcNow());
        Letters.Add(letter);
        return SimResponse.Of(201, new JsonObject { ["id"] = letter.Id, ["reference"] = letter.Reference, ["postage"] = letter.Postage });
    }

    private Task<SimResponse> ListAsync(IncomingRequest request)
    {
        if (Authenticate(request) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var reference = request.Context.Request.Query["reference"].ToString();
        var type = request.Context.Request.Query["template_type"].ToString();
        var found = new JsonArray();
        foreach (var letter in Letters.Snapshot().Where(l => (reference.Length == 0 || l.Reference == reference) && type is "" or "letter").Reverse())
        {
            found.Add(new JsonObject
            {
                ["id"] = letter.Id,
                ["reference"] = letter.Reference,
                ["type"] = "letter",
                ["status"] = "accepted",
                ["postage"] = letter.Postage,
                ["created_at"] = letter.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            });
        }

        return Task.FromResult(SimResponse.Of(200, new JsonObject
        {
            ["notifications"] = found,
            ["links"] = new JsonObject { ["current"] = request.Context.Request.Path.Value + request.Context.Request.QueryString.Value },
        }));
    }

    private SimResponse? Authenticate(IncomingRequest request)
    {
        var failure = NotifyJwtValidation.Check(request.Header("Authorization"), _options.NotifyApiKey, _options.Time.GetUtcNow());
        if (failure is null)
        {
            return null;
        }

        AuthFailures.Add(failure);
        return failure.StartsWith("Unauthorized", StringComparison.Ordinal)
            ? Error(401, "AuthError", failure)
            : Error(403, "AuthError", failure);
    }

    /// <summary>Notify's letter specification: a PDF, A4 portrait, 1 to 10 pages.</summary>
    private static string? PdfProblem(byte[] pdf, out int pages)
    {
        pages = 0;
        if (!pdf.AsSpan().StartsWith("%PDF"u8))
        {
            return "Letter content is not a valid PDF";
        }

        try
        {
            using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
            pages = document.PageCount;
            if (pages is 0 or > MaxPages)
            {
                return $"Letter is {pages} pages; letters must be 1 to {MaxPages} pages";
            }

            for (var i = 0; i < pages; i++)
            {
                var box = document.Pages[i].MediaBox;
                // A4 is 595.28 x 841.89 points.
                if (Math.Abs(box.Width - 595.28) > 1 || Math.Abs(box.Height - 841.89) > 1 || document.Pages[i].Rotate % 180 != 0)
                {
                    return $"Page {i + 1} is not A4 portrait";
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return "Letter content is not a valid PDF";
        }
    }

    private static SimResponse ValidationError(string message) => Error(400, "ValidationError", message);

    private static SimResponse Error(int status, string error, string message) =>
        SimResponse.Of(status, new JsonObject
        {
            ["status_code"] = status,
            ["errors"] = new JsonArray(new JsonObject { ["error"] = error, ["message"] = message }),
        });

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
