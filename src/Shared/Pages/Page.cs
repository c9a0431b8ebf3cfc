namespace Pilot.Shared.Pages;

/// <summary>A rendered page and its HTTP status. <paramref name="Personal"/>: it shows someone's records, so no cache may keep it.</summary>
public sealed record Page(int StatusCode, string Html, bool Personal = true)
{
    public const string ContentType = "text/html; charset=utf-8";
}
