using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Http;

/// <summary>
/// Where function keys are checked. The runner asks it before every HTTP function call; the default,
/// <see cref="ConfiguredFunctionKeys"/>, checks configured keys as the Functions host does in Azure.
/// Replace it with <c>builder.Services.AddSingleton&lt;IHttpFunctionAuthorization, ...&gt;()</c>.
/// </summary>
public interface IHttpFunctionAuthorization
{
    /// <returns>Null to let the request reach the function, or the response to send instead (e.g. 401).</returns>
    ValueTask<IResult?> AuthorizeAsync(HttpContext context, string functionName, AuthorizationLevel level);
}
