using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pilot.Shared.Storage;
using Pilot.Shared.Validation;

namespace Pilot.Functions.Http;

/// <summary>Turns application outcomes into HTTP answers: problem+json for anything but success.</summary>
public static class ProblemResults
{
    public const string ContentType = "application/problem+json";

    public static IActionResult From<T>(Outcome<T> outcome, Func<T, IActionResult> ok)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ok);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => ok(outcome.Value!),
            OutcomeKind.Invalid => Invalid(outcome.Errors),
            OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", outcome.Detail),
            _ when outcome.Errors.Count > 0 => Fields(StatusCodes.Status409Conflict, "Conflict", "https://tools.ietf.org/html/rfc9110#section-15.5.10", outcome.Errors, outcome.Extensions),
            _ => Problem(StatusCodes.Status409Conflict, "Conflict", outcome.Detail),
        };
    }

    public static IActionResult Invalid(IReadOnlyList<FieldError> errors)
        => Fields(StatusCodes.Status400BadRequest, "The request is invalid", "https://tools.ietf.org/html/rfc9110#section-15.5.1", errors);

    /// <summary>A provider webhook delivered again (a replay): 409 naming what repeats.</summary>
    public static IActionResult Replayed(IReadOnlyList<FieldError> errors)
        => Fields(StatusCodes.Status409Conflict, "Already received", "https://tools.ietf.org/html/rfc9110#section-15.5.10", errors);

    private static ObjectResult Fields(int status, string title, string type, IReadOnlyList<FieldError> errors, IReadOnlyDictionary<string, string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var details = new ValidationProblemDetails(errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = status,
            Title = title,
            Detail = string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            Type = type,
        };
        foreach (var (name, value) in extensions ?? new Dictionary<string, string>())
        {
            details.Extensions[name] = value;
        }

        return WithProblemContentType(new ObjectResult(details) { StatusCode = status });
    }

    /// <summary>Storage is throttling or unreachable (<see cref="StorageUnavailable"/>): 503 with Retry-After, nothing promised.</summary>
    public static IActionResult StorageUnavailable()
        => new RetryLaterResult(
            Problem(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable", "Storage is busy or unreachable; nothing was promised. Try again after the Retry-After interval."),
            Pilot.Shared.Storage.StorageUnavailable.RetryAfter);

    public static IActionResult Problem(int status, string title, string? detail)
        => WithProblemContentType(new ObjectResult(new ProblemDetails { Status = status, Title = title, Detail = detail }) { StatusCode = status });

    private static ObjectResult WithProblemContentType(ObjectResult result)
    {
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
