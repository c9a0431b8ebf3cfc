using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Pilot.ProviderSimulators.Recording;

namespace Pilot.ProviderSimulators.Acs;

/// <summary>
/// Azure Communication Services' HMAC-SHA256 access-key scheme: the signature covers
/// "VERB\npath?query\n" and the values of the signed headers (x-ms-date;host;x-ms-content-sha256) joined with ';'.
/// </summary>
internal static class AcsHmacAuthentication
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private static readonly string[] RequiredHeaders = ["x-ms-date", "host", "x-ms-content-sha256"];

    /// <summary>Null when the request is authentic; otherwise why not (for the test's eyes, not the client's).</summary>
    public static string? Verify(IncomingRequest request, byte[] key, DateTimeOffset now)
    {
        var contentHash = request.Header("x-ms-content-sha256");
        if (contentHash is null || contentHash != Convert.ToBase64String(SHA256.HashData(request.RawBody)))
        {
            return "x-ms-content-sha256 is missing or does not match the body";
        }

        var date = request.Header("x-ms-date");
        if (date is null || !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            return "x-ms-date is missing or not RFC 1123";
        }

        if ((now - sentAt).Duration() > AllowedSkew)
        {
            return "x-ms-date is more than 15 minutes off";
        }

        var authorization = request.Header("Authorization");
        const string Scheme = "HMAC-SHA256 ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return "Authorization is not HMAC-SHA256";
        }

        var parts = authorization[Scheme.Length..]
            .Split('&')
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
        {
            return "Authorization lacks SignedHeaders or Signature";
        }

        var names = signedHeaders.Split(';');
        if (RequiredHeaders.Any(required => !names.Contains(required, StringComparer.OrdinalIgnoreCase)))
        {
            return "SignedHeaders must include x-ms-date, host and x-ms-content-sha256";
        }

        var values = names.Select(name => request.Header(name) ?? "");
        var target = request.Context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? request.Context.Request.Path + request.Context.Request.QueryString;
        var stringToSign = $"{request.Context.Request.Method.ToUpperInvariant()}\n{target}\n{string.Join(';', values)}";
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return "Signature is not base64";
        }

        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "Signature does not match";
    }
}
