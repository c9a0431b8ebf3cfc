using System.Security.Cryptography;
using System.Text;

namespace Pilot.IntegrationTests.Sms;

/// <summary>
/// Signs a webhook as Twilio does, written from the documented rule rather than with the SDK:
/// base64(HMAC-SHA1(auth token, full URL + each form field's name and value, sorted by name)).
/// </summary>
public static class TwilioTestSigner
{
    public const string AuthToken = "test-auth-token-0123456789abcdef";
    public const string PublicBaseUrl = "https://pilot.example.org";

    public static string Sign(string url, IReadOnlyDictionary<string, string> form, string authToken = AuthToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

#pragma warning disable CA5350 // Twilio's scheme is HMAC-SHA1; this reproduces it.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>A signed form post to <paramref name="pathAndQuery"/> (e.g. <c>/api/sms/twilio/status?messageId=...</c>).</summary>
    public static HttpRequestMessage Request(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature = null, bool withSignature = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pathAndQuery, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (withSignature)
        {
            request.Headers.Add("X-Twilio-Signature", signature ?? Sign(PublicBaseUrl + pathAndQuery, form));
        }

        return request;
    }
}
