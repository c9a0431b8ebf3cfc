using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Pilot.Shared.Validation;

namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>
/// What the invitations list is asked for, from its query string: a status, a reply-date range (yyyy-MM-dd, both ends
/// included), a reference or part of a parent's name, and the page (an opaque continuation token, base64url).
/// </summary>
public sealed record InvitationListQuery(string? Status, string? RespondFrom, string? RespondTo, string? Search, string? Page)
{
    public const int MaxSearch = 100;
    public const int MaxPage = 2000;

    public static readonly IReadOnlyList<string> Statuses =
    [
        WfiInvitationStatuses.Requested,
        WfiInvitationStatuses.LetterReady,
        WfiInvitationStatuses.Posted,
        WfiInvitationStatuses.Chosen,
        WfiInvitationStatuses.Defaulted,
        WfiInvitationStatuses.Cancelled,
    ];

    /// <summary>The values cleaned (blank is none), or what is wrong with each, by field.</summary>
    /// <param name="now">Reply dates are taken within the reporting range (<see cref="DateBounds.Reporting"/>) around it.</param>
    public Outcome<InvitationListQuery> Check(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var range = DateBounds.Reporting(now);
        var status = Blank(Status);
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("status", "Select a status from the list"));
        }

        var from = Date(RespondFrom, "respondFrom", "The first reply date", range, errors);
        var to = Date(RespondTo, "respondTo", "The last reply date", range, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add(new FieldError("respondTo", "The last reply date must be the same as or after the first"));
        }

        var search = Blank(Search);
        if (search is { Length: > MaxSearch })
        {
            errors.Add(new FieldError("search", $"Search must be {MaxSearch} characters or fewer"));
        }
        else if (search is not null && search.Any(char.IsControl))
        {
            errors.Add(new FieldError("search", "Search must be a reference or part of a name"));
        }

        var page = Blank(Page);
        if (page is not null && TokenFromPage(page) is null)
        {
            errors.Add(new FieldError("page", "This page link is not valid: start again from the first page"));
        }

        return errors.Count > 0
            ? Outcome<InvitationListQuery>.Invalid(errors)
            : Outcome<InvitationListQuery>.Ok(new InvitationListQuery(status, from is null ? null : RespondByDate.Text(from.Value), to is null ? null : RespondByDate.Text(to.Value), search, page));
    }

    /// <summary>The storage continuation token as it goes in a link: base64url, so it is one opaque word.</summary>
    public static string PageFromToken(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    /// <returns>The storage token, or null when <paramref name="page"/> is not one this app wrote.</returns>
    public static string? TokenFromPage(string? page)
    {
        if (string.IsNullOrEmpty(page) || page.Length > MaxPage)
        {
            return null;
        }

        try
        {
            var token = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(page));
            // The table's token is its next partition and row keys, a space between them.
            return token.All(c => c is >= ' ' and <= '~') && token.Split(' ') is [{ Length: > 0 }, { Length: > 0 }] ? token : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value, string field, string label, DateRange range, List<FieldError> errors)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, RespondByDate.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FieldError(field, $"{label} must be a real date, for example 2026-12-31"));
            return null;
        }

        if (!range.Contains(date))
        {
            errors.Add(new FieldError(field, $"{label} {range.Refusal(field).Message}"));
            return null;
        }

        return date;
    }
}
