using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.Access;

/// <summary>
/// Maps the key a caller presents (<c>x-functions-key</c>, or <c>?code=</c>) to its one principal by comparing
/// its SHA-256 with every configured hash in constant time. In Azure the Functions host has already checked
/// that the key is a function key; this decides whose it is.
/// </summary>
public sealed class CallerCredentials
{
    public const string Header = "x-functions-key";

    private readonly IReadOnlyList<(byte[] Hash, Caller Caller)> _keys;

    public CallerCredentials(IOptions<AccessKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.Value.Entries().SelectMany(e => ParseHashes(e.Hashes).Select(h => (h, e.Caller)))];
    }

    /// <returns>Null for a missing or unknown key.</returns>
    public Caller? Identify(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        Caller? found = null;

        // Every hash is compared (no early exit), so timing says nothing about whose key it is.
        foreach (var (expected, caller) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found ??= caller;
            }
        }

        return found;
    }

    /// <summary>The hex SHA-256 to configure for a key (what the README's command prints).</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The hashes of one setting; anything that is not 64 hex digits is left out (start-up validation names it).</summary>
    public static IEnumerable<byte[]> ParseHashes(string? value)
        => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(IsHash)
            .Select(Convert.FromHexString);

    public static bool IsHash(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
