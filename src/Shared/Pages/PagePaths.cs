namespace Pilot.Shared.Pages;

/// <summary>Where the pages are, as the browser sees them (the Functions routes under <c>/api</c>).</summary>
public static class PagePaths
{
    public const string SignIn = "/api/sign-in";
    public const string SignOut = "/api/sign-out";
    public const string TakeUp = "/api/office/take-up";
    public const string Appointments = "/api/office/appointments";
    public const string Assets = "/api/govuk/";
    public const string Invitations = "/api/office/invitations";
    public const string NewInvitation = "/api/office/invitations/new";
    public const string UploadInvitations = "/api/office/invitations/upload";

    /// <summary>Where signing in returns to: only a page of this app (a path under <c>/api/</c>, never <c>//host</c>), else the home page.</summary>
    public static string SafeReturn(string? returnUrl)
        => returnUrl is { Length: > 5 and <= 500 } url
           && url.StartsWith("/api/", StringComparison.Ordinal)
           && !url.Contains("//", StringComparison.Ordinal)
           && !url.Contains('\\', StringComparison.Ordinal)
           && !url.Any(char.IsControl)
            ? url
            : TakeUp;
}
