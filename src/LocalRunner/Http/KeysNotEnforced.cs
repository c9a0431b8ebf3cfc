using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.LocalRunner.Http;

/// <summary>Lets every request through: keys are not checked locally yet, and the start-up log says so.</summary>
internal sealed class KeysNotEnforced : IHttpFunctionAuthorization
{
    public ValueTask<IResult?> AuthorizeAsync(HttpContext context, string functionName, AuthorizationLevel level) =>
        ValueTask.FromResult<IResult?>(null);
}
