using Microsoft.Extensions.Logging;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Shared.Parents.OwnPage;

/// <summary>
/// A parent texts CHANGE (<see cref="ReplyKind.ChangeLink"/>) and gets their own link back, in their language; a shared
/// family phone gets each parent's link, named. The answer goes out as every answer to a text does (InboundTexts).
/// </summary>
public sealed class ChangeLinkReplies(ParentLinks links, ILogger<ChangeLinkReplies> logger) : IInboundReplyHandler
{
    /// <summary>Most links one answer carries (a phone shared by more parents than this is for the office to sort out).</summary>
    private const int MaxLinks = 3;

    public Task<InboundReplyAnswer?> TryHandleAsync(InboundText text, IReadOnlyList<ParentEntity> parents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parents);
        if (ReplyClassifier.Classify(text.Body) != ReplyKind.ChangeLink || parents.Count == 0)
        {
            return Task.FromResult<InboundReplyAnswer?>(null);
        }

        var shared = parents.Count > 1;
        var answer = string.Join(" ", parents.Take(MaxLinks).Select(p => links.LinkText(p, withName: shared)));
        logger.LogInformation("CHANGE from {Parents} parent(s): their link(s) sent, first {ParentId}", parents.Count, parents[0].Id);
        return Task.FromResult<InboundReplyAnswer?>(new InboundReplyAnswer(answer));
    }
}
