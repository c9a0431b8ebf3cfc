using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Pilot.Functions.Http;

/// <summary>A problem+json answer that also tells the caller when to try again (<c>Retry-After</c>, in seconds).</summary>
public sealed class RetryLaterResult(IActionResult problem, TimeSpan after) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return problem.ExecuteResultAsync(context);
    }
}
