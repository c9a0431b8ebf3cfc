using System.Security.Cryptography;
using System.Text;

namespace Pilot.Shared.Sms.Acs;

/// <summary>
/// ACS's HMAC-SHA256 request signing: the string to sign is
/// <c>VERB\npathAndQuery\n{x-ms-date};{host};{x-ms-content-sha256}</c> (host with a non-default port),
/// signed with the base64-decoded access key.
/// </summary>
public static class AcsRequestSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string StringToSign(string method, Uri uri, string date, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
    }

    public static string Signature(byte[] accessKey, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string Authorization(string signature) => $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";

    /// <summary>Adds x-ms-date, x-ms-content-sha256 and Authorization to a request whose body is <paramref name="body"/>.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, byte[] accessKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var date = now.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var hash = ContentHash(body);
        var signature = Signature(accessKey, StringToSign(request.Method.Method, request.RequestUri!, date, hash));
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", hash);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(signature));
    }
}
