using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pilot.Shared.Letters.Notify;

/// <summary>
/// The bearer token Notify wants on every request: a JWT signed HS256 with the key's secret, whose
/// <c>iss</c> is the service id and <c>iat</c> the time in epoch seconds. Notify refuses a token more
/// than 30 seconds off its clock, so a fresh one is made for each request.
/// </summary>
public static class NotifyJwt
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");

    public static string Create(NotifyApiKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = key.ServiceId,
            ["iat"] = now.ToUnixTimeSeconds(),
        });
        var signingInput = Base64Url(Header) + "." + Base64Url(claims);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.Secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
