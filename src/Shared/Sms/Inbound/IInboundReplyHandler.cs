using Pilot.Shared.Parents;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// A capability that understands some texts from parents (a WFI letter's "1" or "2"). Asked, in
/// registration order, about every text that is neither an opt-out nor an opt-in, before it is kept
/// for the adviser.
/// </summary>
public interface IInboundReplyHandler
{
    /// <param name="parents">The parents registered with the sender's number (at least one).</param>
    /// <returns>Null when the text is not for this handler; otherwise what to answer (null <see cref="InboundReplyAnswer.Reply"/>: nothing).</returns>
    Task<InboundReplyAnswer?> TryHandleAsync(InboundText text, IReadOnlyList<ParentEntity> parents, CancellationToken ct);
}

/// <summary>A text a handler took, and the answer to send back, if any.</summary>
public sealed record InboundReplyAnswer(string? Reply);
