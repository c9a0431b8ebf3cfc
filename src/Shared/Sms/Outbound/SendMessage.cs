namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// The body of a message on the bulk send queue: one text (<c>textId</c>, the form every lane takes and the sender's
/// own delayed messages use), or up to <see cref="MaxTexts"/> texts of one due minute (<c>textIds</c>), as the dispatch
/// tick writes them. One message for several texts keeps the queue short: the emulator's cost of every queue request
/// grows with the number of messages it holds, and the host receives and deletes a sixteenth as many.
/// </summary>
public sealed record SendMessage(string? Bucket, string? TextId, IReadOnlyList<string>? TextIds)
{
    /// <summary>The most texts one message names.</summary>
    public const int MaxTexts = 16;

    public static SendMessage For(TextRef text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SendMessage(text.Bucket, text.TextId, null);
    }

    public static SendMessage For(string bucket, IReadOnlyList<string> textIds)
    {
        ArgumentNullException.ThrowIfNull(textIds);
        return textIds.Count is > 0 and <= MaxTexts
            ? new SendMessage(bucket, null, textIds)
            : throw new ArgumentOutOfRangeException(nameof(textIds), textIds.Count, $"A send message names 1 to {MaxTexts} texts.");
    }

    /// <summary>The texts the message names; a message that names none, or names them badly, says which field is wrong.</summary>
    /// <exception cref="FormatException">The message is not a send message; it goes to the poison queue with this reason.</exception>
    public IReadOnlyList<TextRef> Texts()
    {
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            throw new FormatException("Send message: bucket is required.");
        }

        if ((TextId is null) == (TextIds is null))
        {
            throw new FormatException("Send message: exactly one of textId and textIds is required.");
        }

        if (TextId is not null)
        {
            return string.IsNullOrWhiteSpace(TextId) ? throw new FormatException("Send message: textId is empty.") : [new TextRef(Bucket, TextId)];
        }

        if (TextIds!.Count is 0 or > MaxTexts)
        {
            throw new FormatException($"Send message: textIds names {TextIds.Count} texts; 1 to {MaxTexts} are allowed.");
        }

        if (TextIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException("Send message: textIds holds an empty id.");
        }

        return [.. TextIds.Distinct(StringComparer.Ordinal).Select(id => new TextRef(Bucket, id))];
    }
}
