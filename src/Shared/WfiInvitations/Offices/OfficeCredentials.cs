using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.WfiInvitations.Offices;

/// <summary>
/// Maps the key a caller presents (<c>x-functions-key</c>) to a Jobcentre office by comparing its
/// SHA-256 with each configured hash in constant time. In Azure the Functions host has already
/// checked the key is a valid function key; this decides whose it is.
/// </summary>
public sealed class OfficeCredentials(IOptions<OfficeKeyOptions> options)
{
    public const string Header = "x-functions-key";

    /// <returns>Null for a missing or unknown key.</returns>
    public OfficeCaller? Identify(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        OfficeCaller? found = null;

        // Every hash is compared (no early exit), so timing says nothing about which office matched.
        if (Matches(hash, options.Value.AdminKeySha256))
        {
            found = OfficeCaller.Admin;
        }

        foreach (var (officeId, expected) in options.Value.Keys)
        {
            if (Matches(hash, expected))
            {
                found ??= new OfficeCaller(officeId);
            }
        }

        return found;
    }

    /// <summary>The hex SHA-256 to configure for a key (what the README's command prints).</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static bool Matches(byte[] hash, string? expectedHex)
    {
        if (string.IsNullOrWhiteSpace(expectedHex) || expectedHex.Trim().Length != 64)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(expectedHex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(hash, expected);
    }
}
