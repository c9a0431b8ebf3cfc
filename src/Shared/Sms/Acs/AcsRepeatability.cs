using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pilot.Shared.Sms.Acs;

/// <summary>
/// ACS de-duplicates a request that repeats both repeatabilityRequestId and repeatabilityFirstSent.
/// Both come from our message id alone, so every retry of a message, even after a restart or from
/// another worker, carries the same pair.
/// </summary>
public static class AcsRepeatability
{
    /// <summary>SHA-256 of the message id, first 16 bytes, stamped as a version-4 UUID as ACS expects.</summary>
    public static Guid RequestId(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(messageId)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>
    /// The message's due minute (the id's 12-digit UTC prefix, yyyyMMddHHmm) in RFC 1123; for an id without one
    /// (a WFI companion text, an answer to a parent's text), the stable <paramref name="firstSentAt"/> the sender gives.
    /// </summary>
    public static string FirstSent(string messageId, DateTimeOffset? firstSentAt = null)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        if (messageId.Length >= 12 && DateTimeOffset.TryParseExact(messageId.AsSpan(0, 12), "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var due))
        {
            return due.ToString("r", CultureInfo.InvariantCulture);
        }

        return firstSentAt is { } first
            ? first.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)
            : throw new ArgumentException($"Message id {messageId} does not start with a 12-digit UTC due minute, and no first-sent time was given.", nameof(messageId));
    }
}
