using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pilot.Shared;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Http;

/// <summary>
/// Reads a JSON request body into a request record. Anything that is not well-formed JSON of the
/// right shape becomes a 400 naming the offending field (the JSON path), never a 500.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Strict = new(JsonDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<(T? Value, IActionResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large", $"body: at most {MaxBytes} bytes"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large", $"body: at most {MaxBytes} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, ProblemResults.Invalid([new FieldError("body", "a JSON object is required")]));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Strict);
            return value is null
                ? (null, ProblemResults.Invalid([new FieldError("body", "a JSON object is required")]))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ProblemResults.Invalid([new FieldError(FieldFrom(ex), Describe(ex))]));
        }
    }

    /// <summary>"$.address.lines[0]" → "address.lines[0]"; the root → "body".</summary>
    private static string FieldFrom(JsonException ex)
    {
        var path = ex.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "is not a field of this request";
        }

        return message.Contains("could not be converted", StringComparison.Ordinal)
            ? "has the wrong type"
            : "is not valid JSON";
    }
}
