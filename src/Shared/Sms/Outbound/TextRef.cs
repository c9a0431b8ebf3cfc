using System.Diagnostics.CodeAnalysis;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>Where a text is stored: its due bucket and id. Also the body of a send-queue message.</summary>
public sealed record TextRef(string Bucket, string TextId)
{
    private const int BucketLength = 12;

    /// <summary>
    /// Our message id for providers: the bucket and the text id, so a delivery receipt or a status
    /// callback that carries it back leads straight to the stored text with one point read.
    /// </summary>
    public string MessageId => $"{Bucket}-{TextId}";

    public static bool TryParseMessageId(string? messageId, [NotNullWhen(true)] out TextRef? reference)
    {
        reference = null;
        if (messageId is null || messageId.Length <= BucketLength + 1 || messageId[BucketLength] != '-' || messageId.AsSpan(0, BucketLength).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        reference = new TextRef(messageId[..BucketLength], messageId[(BucketLength + 1)..]);
        return true;
    }
}
