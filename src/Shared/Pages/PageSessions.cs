using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pilot.Shared.Access;

namespace Pilot.Shared.Pages;

/// <summary>
/// The local sign-in's session cookie: <c>{payload}.{mac}</c>, base64url, where the payload names the principal
/// and when the session ends. Nothing secret is in it; the MAC makes it unforgeable and the end date makes it expire.
/// </summary>
public sealed class PageSessions(PageKeys keys, TimeProvider time)
{
    public const string CookieName = "pilot-session";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public string Issue(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var ends = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = $"v1|{caller.Principal}|{ends}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url.EncodeToString(keys.Sign(PageKeyUse.Session, payload));
    }

    /// <returns>The signed-in caller, or null for a missing, altered, malformed or expired cookie.</returns>
    public Caller? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 600 || cookie.Split('.') is not [var encoded, var mac])
        {
            return null;
        }

        string payload;
        byte[] presented;
        try
        {
            payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded));
            presented = Base64Url.DecodeFromChars(mac);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(presented, keys.Sign(PageKeyUse.Session, payload))
            || payload.Split('|') is not ["v1", var principal, var ends]
            || !long.TryParse(ends, NumberStyles.None, CultureInfo.InvariantCulture, out var endsAt)
            || time.GetUtcNow().ToUnixTimeSeconds() >= endsAt)
        {
            return null;
        }

        return PrincipalNames.Parse(principal);
    }
}
