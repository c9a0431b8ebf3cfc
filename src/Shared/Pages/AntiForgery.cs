using System.Buffers.Text;
using System.Security.Cryptography;

namespace Pilot.Shared.Pages;

/// <summary>
/// Anti-forgery for every form: a random nonce in an HttpOnly, SameSite=Strict cookie, and in each form the nonce's
/// MAC. Another site can make a browser post the cookie (not with SameSite=Strict, but older browsers) but cannot
/// read it, so it cannot compute the field; the MAC means a planted cookie alone is not enough either.
/// </summary>
public sealed class AntiForgery(PageKeys keys)
{
    public const string CookieName = "pilot-antiforgery";

    public static string NewNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public string TokenFor(string nonce)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        return Base64Url.EncodeToString(keys.Sign(PageKeyUse.AntiForgery, nonce));
    }

    public bool IsValid(string? nonce, string? token)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > 64 || string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(token), keys.Sign(PageKeyUse.AntiForgery, nonce));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
