using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Http;

/// <summary>
/// The seam where function keys will be checked. The runner asks it before every HTTP function
/// call; until keys are implemented the registered default lets every request through (as Core
/// Tools does locally). Replace it with <c>builder.Services.AddSingleton&lt;IHttpFunctionAuthorization, ...&gt;()</c>.
/// </summary>
public interface IHttpFunctionAuthorization
{
    /// <returns>Null to let the request reach the function, or the response to send instead (e.g. 401).</returns>
    ValueTask<IResult?> AuthorizeAsync(HttpContext context, string functionName, AuthorizationLevel level);
}
