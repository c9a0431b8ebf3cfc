using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pilot.Shared.Parents.OwnPage;

/// <summary>
/// The token in a parent's own link: <c>{parent id}.{expiry, Unix seconds}.{signature}</c>, the signature the first
/// 16 bytes of HMAC-SHA256 over <c>parent-link|{id}|{expiry}</c>, base64url, with a key derived (HKDF-SHA256, its own
/// label) from <c>Wfi:TokenSigningKey</c>. The label and the purpose in the signed text keep it apart from the choice
/// links signed with that secret: a choice token never opens a parent's page, nor the other way round.
/// </summary>
public sealed class ParentLinkToken(byte[] secret)
{
    private const int SignatureBytes = 16;
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Encoding.UTF8.GetBytes("pilot-parent-link-v1"));

    public string Create(string parentId, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(parentId);
        var expiry = expiresAt.ToUnixTimeSeconds();
        return $"{parentId}.{expiry.ToString(CultureInfo.InvariantCulture)}.{Sign(parentId, expiry)}";
    }

    /// <summary>Splits a token without trusting it: the parent id to look up, the expiry, the signature.</summary>
    public static bool TryRead(string? token, out ParentLinkParts parts)
    {
        parts = default;
        var pieces = token?.Split('.') ?? [];
        if (pieces.Length != 3
            || pieces[0].Length is 0 or > 64
            || !pieces[0].All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            || pieces[1].Length > 12
            || !long.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || pieces[2].Length is 0 or > 64)
        {
            return false;
        }

        parts = new ParentLinkParts(pieces[0], expiry, pieces[2]);
        return true;
    }

    /// <summary>Whether we made this token (constant-time comparison); the expiry is checked separately.</summary>
    public bool IsGenuine(ParentLinkParts parts)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(parts.ParentId, parts.ExpiresAtUnixSeconds));
        var given = Encoding.ASCII.GetBytes(parts.Signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(string parentId, long expiry)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"parent-link|{parentId}|{expiry.ToString(CultureInfo.InvariantCulture)}"));
        return Base64Url.EncodeToString(mac.AsSpan(0, SignatureBytes));
    }
}

public readonly record struct ParentLinkParts(string ParentId, long ExpiresAtUnixSeconds, string Signature)
{
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Math.Min(ExpiresAtUnixSeconds, 253402300799));
}
