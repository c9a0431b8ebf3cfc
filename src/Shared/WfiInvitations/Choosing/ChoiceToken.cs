using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// The token in a choice link. The letter's is <c>{reference}.{expiry, Unix seconds}.{signature}</c>, where the
/// signature is the first 16 bytes of HMAC-SHA256(key, invitation id + "|" + expiry), base64url. A link works
/// for one choice: the page after a choice carries the next link, <c>{reference}.{expiry}.{use}.{signature}</c>,
/// with the use number (how many web choices came before it) signed too. The reference only finds the
/// invitation; the signature binds the token to that invitation's id, expiry and use, so a changed
/// reference, expiry or use no longer verifies.
/// </summary>
public static class ChoiceToken
{
    private const int SignatureBytes = 16;
    private const int MaxUse = 9999;

    public static string Create(string reference, string invitationId, DateTimeOffset expiresAt, byte[] key, int use = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(use);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(use, MaxUse);
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(invitationId, expiresAt.ToUnixTimeSeconds(), use, key);
        return use == 0
            ? $"{reference}.{expiry}.{signature}"
            : $"{reference}.{expiry}.{use.ToString(CultureInfo.InvariantCulture)}.{signature}";
    }

    /// <summary>Splits a token without trusting it: the reference to look the invitation up by.</summary>
    public static bool TryRead(string? token, out ChoiceTokenParts parts)
    {
        parts = default;
        var pieces = token?.Split('.') ?? [];
        var use = 0;
        if (pieces.Length is not (3 or 4)
            || pieces[0].Length is 0 or > 20
            || !long.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || (pieces.Length == 4 && (!int.TryParse(pieces[2], NumberStyles.None, CultureInfo.InvariantCulture, out use) || use is < 1 or > MaxUse))
            || pieces[^1].Length is 0 or > 64)
        {
            return false;
        }

        parts = new ChoiceTokenParts(pieces[0], expiry, use, pieces[^1]);
        return true;
    }

    /// <summary>Whether the token was made by us for this invitation (constant-time comparison). Expiry and use are checked separately.</summary>
    public static bool IsGenuine(ChoiceTokenParts parts, string invitationId, byte[] key)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(invitationId, parts.ExpiresAtUnixSeconds, parts.Use, key));
        var given = Encoding.ASCII.GetBytes(parts.Signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Sign(string invitationId, long expiry, int use, byte[] key)
    {
        var signed = $"{invitationId}|{expiry.ToString(CultureInfo.InvariantCulture)}";
        if (use > 0)
        {
            signed += $"|{use.ToString(CultureInfo.InvariantCulture)}";
        }

        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed));
        return Base64Url.EncodeToString(mac.AsSpan(0, SignatureBytes));
    }
}

/// <summary>A token's pieces; <see cref="Use"/> is 0 for the letter's link, n for the link given after the n-th web choice.</summary>
public readonly record struct ChoiceTokenParts(string Reference, long ExpiresAtUnixSeconds, int Use, string Signature)
{
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtUnixSeconds);
}
