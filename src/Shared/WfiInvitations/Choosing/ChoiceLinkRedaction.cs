namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// A choice link's token is a bearer credential until the reply date: anything that logs a request path or URL shows
/// it through <see cref="Redact(string?)"/>, which keeps the invitation reference (enough to find the invitation) and drops the
/// expiry, use and signature: <c>/api/c/WFI-ABC123.1767225600.NB8x...</c> becomes <c>/api/c/WFI-ABC123.…</c>.
/// </summary>
public static class ChoiceLinkRedaction
{
    /// <summary>The route prefix of the choice page (<c>c/{token}</c> under <c>/api</c>).</summary>
    public const string PathPrefix = "/api/c/";

    /// <summary>The route prefix of a parent's own page (<c>p/{token}</c>), whose token is cut back to the parent id the same way.</summary>
    public const string ParentPathPrefix = "/api/p/";

    /// <summary>What replaces the first dot and everything after it.</summary>
    public const string Elided = ".…";

    /// <summary>The path or URL with every choice-link token cut back to its reference; anything else unchanged.</summary>
    public static string Redact(string? pathOrUrl) => Redact(Redact(pathOrUrl, PathPrefix), ParentPathPrefix);

    private static string Redact(string? pathOrUrl, string prefix)
    {
        if (string.IsNullOrEmpty(pathOrUrl))
        {
            return pathOrUrl ?? "";
        }

        var text = pathOrUrl;
        var from = 0;
        while (from < text.Length && text.IndexOf(prefix, from, StringComparison.OrdinalIgnoreCase) is var at and >= 0)
        {
            var start = at + prefix.Length;
            var end = text.IndexOfAny(['/', '?', '#', ' ', '"', '\''], start);
            end = end < 0 ? text.Length : end;
            var token = text[start..end];
            var reference = ReferenceOf(token);
            var replacement = reference.Length == token.Length ? token : reference + Elided;
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
            from = start + replacement.Length;
        }

        return text;
    }

    /// <summary>The part before the first dot, plain or percent-encoded (a token's dots may arrive as <c>%2E</c>).</summary>
    private static string ReferenceOf(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var encoded = token.IndexOf("%2E", StringComparison.OrdinalIgnoreCase);
        var cut = (dot, encoded) switch
        {
            ( < 0, < 0) => token.Length,
            ( < 0, _) => encoded,
            (_, < 0) => dot,
            _ => Math.Min(dot, encoded),
        };
        return token[..cut];
    }
}
