using Microsoft.Extensions.Logging;
using Pilot.Shared.Parents;
using Pilot.Shared.Phones;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Venues;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// Handles a text a parent sent: STOP and START change their consent (recorded with the channel
/// <c>sms-&lt;provider&gt;</c>) and get one confirmation; anything else is kept for the adviser and
/// answered at most once a day with how to reach them. Every answer is a Texts row with the id
/// <c>reply-&lt;provider&gt;-&lt;provider message id&gt;</c>, sent at once by the one sender (<see cref="OutboundTexts"/>)
/// on the interactive lane, so it is recorded like every text and a webhook delivered twice cannot send it twice.
/// A new kind of answer is one more call of <see cref="ReplyAsync"/>.
/// </summary>
public sealed class InboundTexts(
    ParentStore parents,
    ParentConsents consents,
    AlertConsents alertConsents,
    VenueStore venues,
    InboundTextStore store,
    OutboundTexts outbound,
    TimeProvider time,
    ILogger<InboundTexts> logger,
    IEnumerable<IInboundReplyHandler> handlers)
{
    /// <summary>How long one "this number cannot read replies" answer covers.</summary>
    public static readonly TimeSpan AnswerOncePer = TimeSpan.FromHours(24);

    public async Task<InboundOutcome> HandleAsync(InboundText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (await store.WasHandledAsync(text.Provider, text.ProviderMessageId, ct))
        {
            logger.LogInformation("Inbound {Provider} text {ProviderMessageId} was handled before; ignored", text.Provider, LogSafe.Text(text.ProviderMessageId));
            return InboundOutcome.Duplicate;
        }

        var from = UkMobile.TryParse(text.From, out var e164, out _) ? e164 : text.From.Trim();
        var matched = from.StartsWith('+') ? await parents.FindByMobileAsync(from, ct) : [];
        var kind = ReplyClassifier.Classify(text.Body);
        var outcome = matched.Count == 0
            ? await StoreAsync(text, from, InboundTextEntity.Unmatched, answer: false, ct)
            : kind switch
            {
                ReplyKind.OptOut => await ChangeConsentAsync(text, from, matched, optOut: true, ct),
                ReplyKind.OptIn => await ChangeConsentAsync(text, from, matched, optOut: false, ct),
                ReplyKind.AlertsOff => await ChangeAlertsAsync(text, from, matched, on: false, ct),
                ReplyKind.AlertsOn => await ChangeAlertsAsync(text, from, matched, on: true, ct),
                _ => await TryHandlersAsync(text, from, matched, ct) ?? await StoreForAdvisersAsync(text, from, matched, ct),
            };

        // Marked last, so a crash before this leaves the webhook to be handled again: an answer is not
        // sent twice (same message id) and a stored reply with the provider's receive time is not stored
        // twice (same row key). Gaps of that crash window: a Twilio reply (no receive time) may be stored
        // twice, and an opt-out whose confirmation was not sent yet stays without one (the opt-out holds).
        await store.MarkHandledAsync(text.Provider, text.ProviderMessageId, outcome, time.GetUtcNow(), ct);
        logger.LogInformation(
            "Inbound {Provider} text {ProviderMessageId} from {From} ({Parents} parent(s)): {Kind} → {Outcome}",
            text.Provider, LogSafe.Text(text.ProviderMessageId), PhoneMask.Mask(from), matched.Count, kind, outcome);
        return outcome;
    }

    public static string ChannelFor(string provider) => $"sms-{provider}";

    public static string ReplyMessageId(string provider, string providerMessageId) => InboundTextStore.KeySafe($"reply-{provider}-{providerMessageId}");

    private async Task<InboundOutcome> ChangeConsentAsync(InboundText text, string from, IReadOnlyList<ParentEntity> matched, bool optOut, CancellationToken ct)
    {
        // A shared family phone: the number's owner speaks for every parent registered with it.
        var changed = false;
        foreach (var parent in matched)
        {
            changed |= optOut
                ? await consents.OptOutAsync(parent.Id, ChannelFor(text.Provider), ct)
                : await consents.OptInAsync(parent.Id, ChannelFor(text.Provider), ct);
        }

        if (!changed)
        {
            return InboundOutcome.NoChange;
        }

        // Sent although the parent is now opted out: it is the last text, and networks require it.
        var language = matched[0].PreferredLanguage;
        var phone = await CentrePhoneAsync(matched, ct);
        await ReplyAsync(text, from, matched, optOut ? InboundReplies.OptedOut(language, phone) : InboundReplies.OptedIn(language, phone), ReplyTextKinds.ConsentConfirmation, ct);
        return optOut ? InboundOutcome.OptedOut : InboundOutcome.OptedIn;
    }

    /// <summary>A text one of the capabilities understands (a WFI letter's choice) is answered by it, not kept for the adviser.</summary>
    private async Task<InboundOutcome?> TryHandlersAsync(InboundText text, string from, IReadOnlyList<ParentEntity> matched, CancellationToken ct)
    {
        foreach (var handler in handlers)
        {
            if (await handler.TryHandleAsync(text, matched, ct) is { } answer)
            {
                if (answer.Reply is { Length: > 0 } reply)
                {
                    await ReplyAsync(text, from, matched, reply, ReplyTextKinds.Answer, ct);
                }

                return InboundOutcome.Handled;
            }
        }

        return null;
    }

    private async Task<InboundOutcome> ChangeAlertsAsync(InboundText text, string from, IReadOnlyList<ParentEntity> matched, bool on, CancellationToken ct)
    {
        var changed = false;
        foreach (var parent in matched)
        {
            changed |= await alertConsents.SetAsync(parent.Id, on, ChannelFor(text.Provider), ct);
        }

        if (!changed)
        {
            return InboundOutcome.NoChange;
        }

        var language = matched[0].PreferredLanguage;
        await ReplyAsync(text, from, matched, on ? AlertText.AlertsOnConfirmed(language) : AlertText.AlertsOffConfirmed(language), ReplyTextKinds.ConsentConfirmation, ct);
        return on ? InboundOutcome.AlertsOn : InboundOutcome.AlertsOff;
    }

    private async Task<InboundOutcome> StoreForAdvisersAsync(InboundText text, string from, IReadOnlyList<ParentEntity> matched, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var answeredLately = false;
        foreach (var parent in matched)
        {
            answeredLately |= await store.AnsweredSinceAsync(parent.Id, now - AnswerOncePer, ct);
        }

        foreach (var parent in matched)
        {
            await StoreAsync(text, from, parent.Id, answer: !answeredLately, ct);
        }

        if (!answeredLately)
        {
            var phone = await CentrePhoneAsync(matched, ct);
            await ReplyAsync(text, from, matched, InboundReplies.CannotReadReplies(matched[0].PreferredLanguage, phone), ReplyTextKinds.Answer, ct);
        }

        return InboundOutcome.Stored;
    }

    private async Task<InboundOutcome> StoreAsync(InboundText text, string from, string partition, bool answer, CancellationToken ct)
    {
        await store.AddAsync(new InboundTextEntity
        {
            PartitionKey = partition,
            RowKey = InboundTextEntity.RowFor(text.ReceivedAt, text.Provider, text.ProviderMessageId),
            From = from,
            Body = text.Body,
            Provider = text.Provider,
            ProviderMessageId = text.ProviderMessageId,
            ReceivedAt = text.ReceivedAt,
            AnsweredAt = answer ? time.GetUtcNow() : null,
        }, ct);
        return partition == InboundTextEntity.Unmatched ? InboundOutcome.Unmatched : InboundOutcome.Stored;
    }

    private async Task<string?> CentrePhoneAsync(IReadOnlyList<ParentEntity> matched, CancellationToken ct)
    {
        foreach (var parent in matched.Where(p => p.LastVenueId is not null))
        {
            if (await venues.GetAsync(parent.LastVenueId!, ct) is { Phone.Length: > 0 } venue)
            {
                return venue.Phone;
            }
        }

        return null;
    }

    /// <summary>The answer to the parent's text: a Texts row of <paramref name="kind"/> (<see cref="ReplyTextKinds"/>), sent at once.</summary>
    private async Task ReplyAsync(InboundText text, string to, IReadOnlyList<ParentEntity> matched, string body, string kind, CancellationToken ct)
    {
        var report = await outbound.SendNowAsync(new TextEntity
        {
            RowKey = ReplyMessageId(text.Provider, text.ProviderMessageId),
            Kind = kind,
            Lane = TextLanes.Interactive,
            ParentId = matched.Count > 0 ? matched[0].Id : "",
            To = to,
            Body = body,
            RequestedAt = text.ReceivedAt,
        }, ct);
        logger.LogInformation("Reply to inbound {Provider} text {ProviderMessageId} to {To}: {Outcome}", text.Provider, LogSafe.Text(text.ProviderMessageId), PhoneMask.Mask(to), report.Outcome);
    }
}
