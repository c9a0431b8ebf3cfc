using System.Security.Cryptography;
using System.Text;

namespace Pilot.ProviderSimulators.Twilio;

/// <summary>X-Twilio-Signature: base64 HMAC-SHA1 over the full URL then each form key and value, keys sorted ordinally.</summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, Uri url, IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(form);
        var data = new StringBuilder(url.OriginalString);
        foreach (var key in form.Keys.Order(StringComparer.Ordinal))
        {
            data.Append(key).Append(form[key]);
        }

#pragma warning disable CA5350 // Twilio's scheme is HMAC-SHA1; the simulator must produce what Twilio does.
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }
}
