using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilot.Shared.Access;
using Pilot.Shared.Phones;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Sms.Templates;
using Pilot.Shared.Time;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.Parents.OwnPage;

/// <summary>
/// A parent's own link (<c>{Wfi:PublicBaseUrl}/api/p/{token}</c>): made for a text, opened by the page, and sent by
/// the parent's office. It expires after <c>ParentPage:LinkLifetimeDays</c>; the parent asks for a new one by texting
/// CHANGE (<see cref="ChangeLinkReplies"/>).
/// </summary>
public sealed class ParentLinks(
    ParentStore parents,
    OutboundTexts outbound,
    IOptions<WfiOptions> wfiOptions,
    IOptions<ParentPageOptions> options,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<ParentLinks> logger)
{
    public const string PathPrefix = "/api/p/";

    /// <summary>The kind of the text an office sends a parent with their link (<c>parent-link-{parent}-{ticks}</c> in Texts).</summary>
    public const string TextKind = "parent-link";

    // Made on first use: the signing key is checked at start-up, and services that never make a link (a test host
    // without WFI settings answering a STOP) must not need it.
    private readonly Lazy<ParentLinkToken> _tokens = new(() => new ParentLinkToken(wfiOptions.Value.TokenKey()));

    public string TokenFor(string parentId, DateTimeOffset expiresAt) => _tokens.Value.Create(parentId, expiresAt);

    /// <summary>A fresh link for the parent, and when it stops working.</summary>
    public (string Url, DateTimeOffset ExpiresAt) NewLink(ParentEntity parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var expiresAt = time.GetUtcNow().AddDays(options.Value.LinkLifetimeDays);
        return (wfiOptions.Value.PublicBaseUrl.TrimEnd('/') + PathPrefix + TokenFor(parent.Id, expiresAt), expiresAt);
    }

    /// <summary>The text that carries a fresh link, in the parent's language; with a first name when a shared phone gets several.</summary>
    public string LinkText(ParentEntity parent, bool withName)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var (url, expiresAt) = NewLink(parent);
        var set = TextTemplates.For(parent.PreferredLanguage);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateKeys.FirstName] = withName ? parent.FirstName : "",
            [TemplateKeys.Link] = url,
            [TemplateKeys.Until] = LondonTime.ToLocal(expiresAt).ToString(set.Word(TemplateWords.DateFormat), set.Culture).Replace(".", string.Empty, StringComparison.Ordinal),
        };
        return TextTemplates.Render(TemplateKeys.ParentLink, parent.PreferredLanguage, values).Text;
    }

    /// <summary>Who a token opens: the parent, or why not (not a token of ours, or expired).</summary>
    public async Task<ParentLinkOpened> OpenAsync(string? token, CancellationToken ct)
    {
        if (!ParentLinkToken.TryRead(token, out var parts))
        {
            return new ParentLinkOpened(ParentLinkState.NotValid, null);
        }

        var parent = await parents.GetAsync(parts.ParentId, ct);
        if (parent is null || !_tokens.Value.IsGenuine(parts))
        {
            logger.LogWarning("A parent link that is not genuine, or for a parent no longer on record, was used");
            return new ParentLinkOpened(ParentLinkState.NotValid, null);
        }

        return time.GetUtcNow() >= parts.ExpiresAt
            ? new ParentLinkOpened(ParentLinkState.Expired, null)
            : new ParentLinkOpened(ParentLinkState.Open, parent);
    }

    /// <summary>
    /// The office texts one of its parents their link (<c>POST /api/parents/{id}/link</c>), through the one sender.
    /// Refused (409) for a parent who texted STOP and in quiet hours; a number that has had its texts this hour gets it
    /// when a slot frees, and a text the providers fail is retried, as every text is.
    /// </summary>
    public async Task<Outcome<ParentLinkSent>> SendAsync(Caller caller, string? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var parent = id is null ? null : await parents.GetAsync(id, ct);
        if (parent is null || !caller.CanChange(parent.OfficeId))
        {
            return Outcome<ParentLinkSent>.NotFound("No parent of yours has this id.");
        }

        if (parent.OptedOutAt is not null)
        {
            return Outcome<ParentLinkSent>.Conflict("The parent texted STOP: no text is sent until they text START.");
        }

        var now = time.GetUtcNow();
        var quiet = smsOptions.Value.QuietHours();
        if (quiet.IsQuiet(now))
        {
            return Outcome<ParentLinkSent>.Conflict($"No texts in quiet hours: send it after {LondonTime.ToLocal(quiet.EndOfQuietPeriodContaining(now)).ToString("HH:mm", CultureInfo.InvariantCulture)}.");
        }

        // A Texts row first, sent by the one sender (its hourly cap, quiet hours, retries): held for the cap, it goes
        // when a slot frees, so the office is not asked to send it again.
        var report = await outbound.SendNowAsync(new TextEntity
        {
            RowKey = $"parent-link-{parent.Id}-{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            Kind = TextKind,
            ParentId = parent.Id,
            OfficeId = parent.OfficeId,
            To = parent.Mobile,
            Body = LinkText(parent, withName: false),
            RequestedAt = now,
        }, ct);
        if (report.Outcome == SendOutcome.Cancelled)
        {
            return Outcome<ParentLinkSent>.Conflict($"The link was not sent: {report.Reason}.");
        }

        logger.LogInformation("Parent {ParentId}: their link texted to {Mobile} for {Caller}: {Outcome}", parent.Id, PhoneMask.Mask(parent.Mobile), caller.Principal, report.Outcome);
        return Outcome<ParentLinkSent>.Ok(new ParentLinkSent(parent.Id, PhoneMask.Mask(parent.Mobile), NewLinkExpiry(now)));
    }

    private DateTimeOffset NewLinkExpiry(DateTimeOffset now) => now.AddDays(options.Value.LinkLifetimeDays);
}

public enum ParentLinkState
{
    NotValid,
    Expired,
    Open,
}

public sealed record ParentLinkOpened(ParentLinkState State, ParentEntity? Parent);

/// <summary>The answer of <c>POST /api/parents/{id}/link</c>: the number masked, and until when the link works.</summary>
public sealed record ParentLinkSent(string ParentId, string SentTo, DateTimeOffset ExpiresAt);
