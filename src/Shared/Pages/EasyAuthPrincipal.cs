using System.Text;
using System.Text.Json;
using Pilot.Shared.Access;

namespace Pilot.Shared.Pages;

/// <summary>
/// The person App Service Authentication (Easy Auth) signed in with Microsoft Entra ID, from its
/// <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 JSON whose role claims are the app roles assigned to them
/// (<c>Central</c>, <c>Office.jcp-lambeth</c>, <c>Centre.cc-lambeth-stockwell</c>; infra/bicep/modules/auth.bicep).
/// Exactly one Pilot role makes a caller; none, or several, makes none (a person acts for one principal).
/// Trusted only where Easy Auth runs, because it removes the header from what the browser sent.
/// </summary>
public static class EasyAuthPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>App Service sets this to <c>True</c> on an app whose authentication is on.</summary>
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    public static Caller? Read(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 16 * 1024)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var roleType = json.RootElement.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : "roles";
            var callers = json.RootElement.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array
                ? claims.EnumerateArray()
                    .Where(c => c.TryGetProperty("typ", out var t) && (t.GetString() == roleType || t.GetString() == "roles"))
                    .Select(c => c.TryGetProperty("val", out var v) ? FromAppRole(v.GetString()) : null)
                    .OfType<Caller>()
                    .Distinct()
                    .ToList()
                : [];
            return callers.Count == 1 ? callers[0] : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary><c>Office.jcp-lambeth</c> → office:jcp-lambeth. App role values may not hold a colon, so a dot parts them.</summary>
    public static Caller? FromAppRole(string? value)
        => value is null ? null
            : value == "Central" ? Caller.Central
            : value.StartsWith("Office.", StringComparison.Ordinal) && value.Length > 7 ? Caller.Office(value[7..])
            : value.StartsWith("Centre.", StringComparison.Ordinal) && value.Length > 7 ? Caller.Centre(value[7..])
            : null;
}
