using Pilot.Shared.Validation;

namespace Pilot.Shared.Pages;

/// <summary>What the layout around every page shows: the title, the navigation, who is signed in and how they sign out.</summary>
/// <param name="SignedInAs">The principal (<c>office:jcp-lambeth</c>), or null on a page for someone not signed in.</param>
/// <param name="AntiForgeryToken">The token every form on the page posts back.</param>
/// <param name="Current">The path of this page, so the navigation marks it.</param>
/// <param name="Errors">What was wrong with the form: the GOV.UK error summary at the top links each to its field (<c>#field</c>).</param>
public sealed record PageLayout(string Title, string? SignedInAs, string AntiForgeryToken, string Current = "", IReadOnlyList<FieldError>? Errors = null)
{
    public bool HasErrors => Errors is { Count: > 0 };

    public const string AntiForgeryField = "__antiforgery";

    public IReadOnlyDictionary<string, object?> Model(string body) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["title"] = HasErrors ? "Error: " + Title : Title,
        ["body"] = body,
        ["signed_in_as"] = SignedInAs,
        ["antiforgery_field"] = AntiForgeryField,
        ["antiforgery"] = AntiForgeryToken,
        ["errors"] = (Errors ?? []).Select(e => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = e.Field, ["message"] = e.Message }).ToList(),
        ["nav"] = SignedInAs is null
            ? new List<object?>()
            : new List<object?>
            {
                Nav("Take-up report", PagePaths.TakeUp),
            }
                .Concat(SignedInAs.StartsWith("office:", StringComparison.Ordinal) || SignedInAs == "central" ? [Nav("Invitations", PagePaths.Invitations)] : [])
                .Concat(SignedInAs.StartsWith("office:", StringComparison.Ordinal) ? [Nav("New invitation", PagePaths.NewInvitation), Nav("Upload a file", PagePaths.UploadInvitations)] : [])
                .Concat(SeesAppointments ? [Nav("Appointments", PagePaths.Appointments)] : [])
                .ToList(),
    };

    /// <summary>Offices and central have an appointments list; a centre manager has none.</summary>
    private bool SeesAppointments => SignedInAs is "central" || SignedInAs?.StartsWith("office:", StringComparison.Ordinal) == true;

    private Dictionary<string, object?> Nav(string text, string href) => new(StringComparer.Ordinal)
    {
        ["text"] = text,
        ["href"] = href,
        ["current"] = string.Equals(Current, href, StringComparison.Ordinal),
    };
}
