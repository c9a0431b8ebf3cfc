using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pilot.Shared.Pages;

namespace Pilot.Functions.Http;

/// <summary>How every page goes out: its HTML with the security headers, and the pages' cookies.</summary>
public static class PageResults
{
    /// <summary>
    /// Sent with every page: scripts and outside resources never load (styles, fonts and images only from this app),
    /// forms post only here, no framing, no referrer (a parent's link holds a token), and, where a page shows
    /// someone's records, nothing cached.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SecurityHeaders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Content-Security-Policy"] = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
    };

    /// <summary>The policy of a page that shows a letter PDF of this app in a frame (that page only).</summary>
    public const string EmbeddingPolicy = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; frame-src 'self'; object-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IActionResult Html(HttpRequest request, Page page)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        Secure(request.HttpContext.Response, page.Personal);
        if (page.EmbedsLetter)
        {
            request.HttpContext.Response.Headers.ContentSecurityPolicy = EmbeddingPolicy;
        }

        return new ContentResult { StatusCode = page.StatusCode, ContentType = Page.ContentType, Content = page.Html };
    }

    /// <summary>
    /// A letter PDF, shown in the browser: never cached, and framed only by this app's own pages (the PDF viewer needs
    /// no more policy than that; the reader's own page keeps the strict one).
    /// </summary>
    public static IActionResult Pdf(HttpRequest request, byte[] pdf, string fileName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        Secure(request.HttpContext.Response, personal: true);
        headers.ContentSecurityPolicy = "frame-ancestors 'self'";
        headers.XFrameOptions = "SAMEORIGIN";
        headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return new FileContentResult(pdf, "application/pdf");
    }

    /// <summary>A CSV to save (an attachment), never cached.</summary>
    public static IActionResult CsvDownload(HttpRequest request, string csv, string fileName)
    {
        ArgumentNullException.ThrowIfNull(request);
        Secure(request.HttpContext.Response, personal: true);
        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return new FileContentResult(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8");
    }

    /// <summary>A 303 to another page of this app (after a form, so a reload does not post again).</summary>
    public static IActionResult SeeOther(HttpRequest request, string location)
    {
        ArgumentNullException.ThrowIfNull(request);
        Secure(request.HttpContext.Response, personal: true);
        request.HttpContext.Response.Headers.Location = location;
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    public static void Secure(HttpResponse response, bool personal)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var (name, value) in SecurityHeaders)
        {
            response.Headers[name] = value;
        }

        response.Headers.CacheControl = personal ? "no-store" : "no-cache";
    }

    /// <summary>HttpOnly, SameSite=Strict, for the app's paths only; Secure whenever the request came over HTTPS (always, in Azure).</summary>
    public static void SetCookie(HttpRequest request, string name, string value, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Cookies.Append(name, value, Options(request, lifetime));
    }

    public static void DeleteCookie(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Cookies.Delete(name, Options(request, null));
    }

    private static CookieOptions Options(HttpRequest request, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/api",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
