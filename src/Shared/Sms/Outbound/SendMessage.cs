namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// The body of a message on the bulk send queue: one text (<c>textId</c>, the form every lane takes and the sender's
/// own delayed messages use), or up to <see cref="MaxTexts"/> texts of one due minute (<c>textIds</c>), as the dispatch
/// tick writes them. One message for several texts keeps the queue short: the emulator's cost of every queue request
/// grows with the number of messages it holds, and the host receives and deletes a sixteenth as many.
/// <para>
/// The dispatch tick's messages also carry each text's row as the tick left it, with its ETag (<see cref="Rows"/>): the
/// sender decides from it without reading the text again, and its one write is checked against that ETag, so a text
/// changed since is read and decided anew. A row that is missing, names another text or is not waiting to be sent is
/// not used; the text is then read, as for a message without rows.
/// </para>
/// </summary>
public sealed record SendMessage(string? Bucket, string? TextId, IReadOnlyList<string>? TextIds, IReadOnlyList<CarriedText>? Rows = null)
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

    /// <summary>Up to <see cref="MaxTexts"/> texts of one due minute, each carried as it was last written (<see cref="Rows"/>).</summary>
    public static SendMessage Carrying(string bucket, IReadOnlyList<TextEntity> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var message = For(bucket, [.. texts.Select(t => t.RowKey)]);
        List<CarriedText> rows = [.. texts.Where(t => t.PartitionKey == bucket && t.ETag != default && CarriedText.MayCarry(t)).Select(CarriedText.Of)];
        return rows.Count == 0 ? message : message with { Rows = rows };
    }

    /// <summary>
    /// The text's row as the message carries it, with its ETag, or null when the message carries none usable for it:
    /// the text is then read.
    /// </summary>
    public TextEntity? CarriedRow(TextRef text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Rows is null || text.Bucket != Bucket)
        {
            return null;
        }

        foreach (var carried in Rows)
        {
            if (carried?.Row is { } row && row.PartitionKey == text.Bucket && row.RowKey == text.TextId && CarriedText.MayCarry(row) && !string.IsNullOrEmpty(carried.ETag))
            {
                var copy = row.Copy();
                copy.ETag = new Azure.ETag(carried.ETag);
                return copy;
            }
        }

        return null;
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

/// <summary>
/// A text's row carried in a send message, and the ETag it was written with (the row's JSON leaves its ETag out). Only a
/// text waiting to be sent (scheduled or queued) with no number or wording on it yet is carried: a send message holds no
/// personal data.
/// </summary>
public sealed record CarriedText(string ETag, TextEntity Row)
{
    /// <summary>Whether the row may be carried: waiting to be sent, with no number or wording on it (its ETag aside).</summary>
    public static bool MayCarry(TextEntity text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextStates.IsPending(text.State) && text.To is null && text.Body is null;
    }

    public static CarriedText Of(TextEntity text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CarriedText(text.ETag.ToString(), text.Copy());
    }
}
