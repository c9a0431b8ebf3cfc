using System.Security.Cryptography;
using System.Text;

namespace Pilot.Shared.Storage;

/// <summary>
/// Whether a string from a request can be a PartitionKey or RowKey at all. Table storage refuses
/// '/', '\', '#', '?' and control characters in keys with an error; an id that could never have
/// been stored is simply not found.
/// </summary>
public static class TableKeys
{
    private const int MaxLength = 256;

    public static bool IsUsable(string? key) =>
        !string.IsNullOrEmpty(key)
        && key.Length <= MaxLength
        && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || char.IsSurrogate(c));

    /// <summary>
    /// A key made from any text: its SHA-256 as lower-case hex (64 characters), so no character a key refuses ends up in
    /// the key. Not for personal data from a small space (a phone number): anyone can hash them all; numbers are keyed
    /// with a secret (<see cref="Sms.Limits.NumberKeys"/>).
    /// </summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
