using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// The token in a letter's short link: <c>{reference}.{expiry, Unix seconds}.{signature}</c>, where the
/// signature is the first 16 bytes of HMAC-SHA256(key, invitation id + "|" + expiry), base64url. The
/// reference only finds the invitation; the signature binds the token to that invitation's id and
/// expiry, so a changed reference or expiry no longer verifies.
/// </summary>
public static class ChoiceToken
{
    private const int SignatureBytes = 16;

    public static string Create(string reference, string invitationId, DateTimeOffset expiresAt, byte[] key)
    {
        var expiry = expiresAt.ToUnixTimeSeconds();
        return $"{reference}.{expiry.ToString(CultureInfo.InvariantCulture)}.{Sign(invitationId, expiry, key)}";
    }

    /// <summary>Splits a token without trusting it: the reference to look the invitation up by.</summary>
    public static bool TryRead(string? token, out ChoiceTokenParts parts)
    {
        parts = default;
        var pieces = token?.Split('.') ?? [];
        if (pieces.Length != 3
            || pieces[0].Length is 0 or > 20
            || !long.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || pieces[2].Length is 0 or > 64)
        {
            return false;
        }

        parts = new ChoiceTokenParts(pieces[0], expiry, pieces[2]);
        return true;
    }

    /// <summary>Whether the token was made by us for this invitation (constant-time comparison). Expiry is checked separately.</summary>
    public static bool IsGenuine(ChoiceTokenParts parts, string invitationId, byte[] key)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(invitationId, parts.ExpiresAtUnixSeconds, key));
        var given = Encoding.ASCII.GetBytes(parts.Signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Sign(string invitationId, long expiry, byte[] key)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{invitationId}|{expiry.ToString(CultureInfo.InvariantCulture)}"));
        return Base64Url.EncodeToString(mac.AsSpan(0, SignatureBytes));
    }
}

public readonly record struct ChoiceTokenParts(string Reference, long ExpiresAtUnixSeconds, string Signature)
{
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtUnixSeconds);
}
