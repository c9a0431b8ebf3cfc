using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Access;

namespace Pilot.LocalRunner.Http;

/// <summary>
/// Checks function keys as the Functions host does in Azure: a function that is not anonymous needs a
/// key in <c>x-functions-key</c> (or <c>?code=</c>), else 401. The keys are <c>LocalRunner:FunctionKeys</c>
/// (comma-separated; default <see cref="DevelopmentKey"/>, which passes this check but is no one's, so Pilot's own
/// functions refuse it) and, because in Azure every role's key is a function key, every key <see cref="CallerCredentials"/> recognises.
/// </summary>
internal sealed class ConfiguredFunctionKeys : IHttpFunctionAuthorization
{
    public const string DevelopmentKey = "local-dev-key";
    public const string Setting = "LocalRunner:FunctionKeys";
    public const string Header = "x-functions-key";

    private readonly List<byte[]> _hashes;

    public ConfiguredFunctionKeys(IConfiguration configuration)
    {
        var keys = (configuration[Setting] ?? DevelopmentKey).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _hashes = [.. keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
    }

    public int KeyCount => _hashes.Count;

    public ValueTask<IResult?> AuthorizeAsync(HttpContext context, string functionName, AuthorizationLevel level)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (level == AuthorizationLevel.Anonymous)
        {
            return ValueTask.FromResult<IResult?>(null);
        }

        var presented = context.Request.Headers[Header].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
        if (!string.IsNullOrEmpty(presented))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
            var known = false;
            foreach (var candidate in _hashes)
            {
                known |= CryptographicOperations.FixedTimeEquals(hash, candidate);
            }

            // Role keys are function keys in Azure too; the app's own credentials recognise them.
            if (known || context.RequestServices.GetService<CallerCredentials>()?.Identify(presented) is not null)
            {
                return ValueTask.FromResult<IResult?>(null);
            }
        }

        return ValueTask.FromResult<IResult?>(Results.Problem(
            title: "Unauthorized",
            detail: $"this function needs a key in the {Header} header (locally, one of {Setting}; the development key is documented in the README)",
            statusCode: StatusCodes.Status401Unauthorized));
    }
}
