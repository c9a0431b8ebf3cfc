using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
            _ => Problem(StatusCodes.Status409Conflict, "Conflict", outcome.Detail),
        };
    }

    public static IActionResult Invalid(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var details = new ValidationProblemDetails(errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid",
            Detail = string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        return WithProblemContentType(new BadRequestObjectResult(details));
    }

    public static IActionResult Problem(int status, string title, string? detail)
        => WithProblemContentType(new ObjectResult(new ProblemDetails { Status = status, Title = title, Detail = detail }) { StatusCode = status });

    private static ObjectResult WithProblemContentType(ObjectResult result)
    {
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
