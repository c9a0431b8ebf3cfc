using Pilot.Shared.Access;

namespace Pilot.Shared.Pages;

/// <summary>Reads a principal back from how <see cref="Caller.Principal"/> writes it (<c>office:jcp-lambeth</c>, <c>central</c>).</summary>
public static class PrincipalNames
{
    public static Caller? Parse(string? principal)
    {
        if (string.IsNullOrEmpty(principal) || principal.Length > 200)
        {
            return null;
        }

        var (role, id) = principal.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? (principal[..colon], principal[(colon + 1)..])
            : (principal, null);
        return (role, id) switch
        {
            ("office", { Length: > 0 }) => Caller.Office(id),
            ("centre", { Length: > 0 }) => Caller.Centre(id),
            ("central", null) => Caller.Central,
            ("feed", null) => Caller.Feed,
            ("operator", null) => Caller.Operator,
            _ => null,
        };
    }
}
