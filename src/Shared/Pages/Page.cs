namespace Pilot.Shared.Pages;

/// <summary>A rendered page and its HTTP status. <paramref name="Personal"/>: it shows someone's records, so no cache may keep it.</summary>
/// <param name="EmbedsLetter">It shows a letter PDF of this app in a frame, so its policy lets frames load from here.</param>
public sealed record Page(int StatusCode, string Html, bool Personal = true, bool EmbedsLetter = false)
{
    public const string ContentType = "text/html; charset=utf-8";
}
