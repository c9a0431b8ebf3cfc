namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>An HTML page for the parent's choice link, and the HTTP status to send it with.</summary>
public sealed record WfiPage(int StatusCode, string Html)
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// Sent with every page: no script or outside resource may load (only the page's own inline style,
    /// by its hash), no framing, no referrer (the token is in the address), nothing cached.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SecurityHeaders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Content-Security-Policy"] = $"default-src 'none'; style-src '{WfiPageHtml.StyleHash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-store",
    };
}
