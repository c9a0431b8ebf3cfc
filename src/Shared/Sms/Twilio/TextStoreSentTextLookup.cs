using System.Globalization;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.Sms.Twilio;

/// <summary>Reads the number and body the reminder sender stored on the text before it called the gateway.</summary>
public sealed class TextStoreSentTextLookup(TextStore texts) : ISentTextLookup
{
    public async Task<SentText?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        if (!TextRef.TryParseMessageId(messageId, out var reference))
        {
            return null;
        }

        var text = await texts.GetAsync(reference, cancellationToken);
        return text is { To: { } to, Body: { } body } && TryDueMinute(messageId, out var due) ? new SentText(to, body, due) : null;
    }

    /// <summary>The 12-digit UTC due minute (yyyyMMddHHmm) our message ids start with.</summary>
    public static bool TryDueMinute(string messageId, out DateTimeOffset dueAt)
    {
        dueAt = default;
        return messageId is { Length: >= 12 }
            && DateTimeOffset.TryParseExact(messageId.AsSpan(0, 12), "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out dueAt);
    }
}
