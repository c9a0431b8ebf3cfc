using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pilot.Shared;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Http;

/// <summary>
/// Reads a JSON request body into a request record. Anything that is not well-formed JSON of the
/// right shape becomes a 400 naming the offending field (the JSON path), never a 500.
/// </summary>
public static partial class JsonBody
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
        var (body, tooLarge) = await ReadBoundedAsync(request, ct);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        return Parse<T>(body);
    }

    /// <summary>A body already read (<see cref="ReadBoundedAsync"/>) as <typeparamref name="T"/>, refused as <see cref="ReadAsync{T}"/> refuses it.</summary>
    public static (T? Value, IActionResult? Error) Parse<T>(ReadOnlyMemory<byte> body)
        where T : class
    {
        if (body.Length == 0)
        {
            return (null, ProblemResults.Invalid([new FieldError("body", "a JSON object is required")]));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body.Span, Strict);
            return value is null
                ? (null, ProblemResults.Invalid([new FieldError("body", "a JSON object is required")]))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ProblemResults.Invalid([new FieldError(FieldFrom(ex), Describe(ex))]));
        }
    }

    /// <summary>
    /// The raw body, at most <see cref="MaxBytes"/>: a larger one (declared, or chunked with no
    /// Content-Length) is a 413, and reading stops at the limit rather than buffering it all.
    /// A body that is not valid UTF-8 is a 400 naming <c>body</c>.
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Body, IActionResult? TooLarge)> ReadBoundedAsync(HttpRequest request, CancellationToken ct)
    {
        if (await ReadAtMostAsync(request, ct) is not { } bytes)
        {
            return (default, TooLarge());
        }

        // A body that is not UTF-8 is refused whole, before any field of it is read.
        return System.Text.Unicode.Utf8.IsValid(bytes)
            ? (bytes, null)
            : (default, ProblemResults.Invalid([new FieldError("body", "is not valid UTF-8")]));
    }

    /// <summary>
    /// The raw body, or null when it is larger than <see cref="MaxBytes"/> (declared so, or found so after
    /// reading no more than the limit): the one limit for every body, JSON, CSV or form.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IActionResult TooLarge()
        => ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large", $"body: at most {MaxBytes} bytes");

    /// <summary>"$.address.lines[0]" → "address.lines[0]"; the root → "body"; an unknown member is named.</summary>
    private static string FieldFrom(JsonException ex)
    {
        var path = ex.Path;
        var field = string.IsNullOrEmpty(path) || path == "$"
            ? "body"
            : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (UnmappedProperty().Match(ex.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            return field == "body" ? name : field.EndsWith(name, StringComparison.Ordinal) ? field : $"{field}.{name}";
        }

        return field;
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

    [GeneratedRegex("JSON property '([^']{1,200})' could not be mapped", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UnmappedProperty();
}
