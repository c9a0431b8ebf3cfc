using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pilot.ProviderSimulators.Notify;

/// <summary>
/// Checks a request's bearer token as Notify does: a JWT with header alg HS256, signed with the API
/// key's secret, <c>iss</c> the service id, <c>iat</c> within 30 seconds of now. Written from Notify's
/// rules, independently of the client code it checks.
/// </summary>
internal static class NotifyJwtValidation
{
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(30);

    /// <summary>Null when the token is good; otherwise why it is not (Notify's 403 messages).</summary>
    public static string? Check(string? authorization, string apiKey, DateTimeOffset now)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "Unauthorized: authentication token must be provided";
        }

        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3)
        {
            return "Invalid token: signature, api token is not valid";
        }

        var serviceId = apiKey[^73..^37];
        var secret = apiKey[^36..];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] signature, header, claims;
        try
        {
            signature = FromBase64Url(parts[2]);
            header = FromBase64Url(parts[0]);
            claims = FromBase64Url(parts[1]);
        }
        catch (FormatException)
        {
            return "Invalid token: signature, api token is not valid";
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            return "Invalid token: signature, api token not found";
        }

        try
        {
            using var headerJson = JsonDocument.Parse(header);
            if (!headerJson.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "HS256")
            {
                return "Invalid token: algorithm used is not HS256";
            }

            using var claimsJson = JsonDocument.Parse(claims);
            var root = claimsJson.RootElement;
            if (!root.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String)
            {
                return "Invalid token: iss field not provided";
            }

            if (iss.GetString() != serviceId)
            {
                return "Invalid token: service not found";
            }

            if (!root.TryGetProperty("iat", out var iat) || !iat.TryGetInt64(out var issuedAt))
            {
                return "Invalid token: iat field not provided";
            }

            var age = now - DateTimeOffset.FromUnixTimeSeconds(issuedAt);
            return age.Duration() > ClockTolerance
                ? "Error: Your system clock must be accurate to within 30 seconds"
                : null;
        }
        catch (JsonException)
        {
            return "Invalid token: signature, api token is not valid";
        }
    }

    private static byte[] FromBase64Url(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
