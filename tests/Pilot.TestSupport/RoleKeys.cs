using Pilot.Shared.Access;
using Pilot.Shared.DemoData;
using Pilot.Shared.Venues;

namespace Pilot.TestSupport;

/// <summary>
/// The development keys of the settings template (<c>dev-&lt;officeId&gt;</c>, <c>dev-&lt;centreId&gt;</c>,
/// <c>dev-central</c>, <c>dev-feed</c>, <c>dev-operator</c>) and the <c>Access:</c> settings that register them for
/// every pilot office and centre, as <c>local.settings.template.json</c> does.
/// </summary>
public static class RoleKeys
{
    public const string Lambeth = "jcp-lambeth";
    public const string Ealing = "jcp-ealing";
    public const string Central = "dev-central";
    public const string Feed = "dev-feed";
    public const string Operator = "dev-operator";

    /// <summary>The office the tests act for unless they say otherwise.</summary>
    public static readonly Caller LambethOffice = Caller.Office(Lambeth);

    public static string Office(string officeId) => "dev-" + officeId;

    public static string Centre(string venueId) => "dev-" + venueId;

    /// <summary>The key of a principal (the test matrix goes through every role).</summary>
    public static string For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role switch
        {
            Role.Office => Office(caller.Id!),
            Role.Centre => Centre(caller.Id!),
            Role.Central => Central,
            Role.Feed => Feed,
            _ => Operator,
        };
    }

    public static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Access:Central"] = CallerCredentials.HashOf(Central),
            ["Access:Feed"] = CallerCredentials.HashOf(Feed),
            ["Access:Operator"] = CallerCredentials.HashOf(Operator),
        };
        foreach (var venue in DemoSeeder.PilotVenues())
        {
            var group = venue.Kind == VenueKinds.Jobcentre ? "Offices" : "Centres";
            settings[$"Access:{group}:{venue.Id}"] = CallerCredentials.HashOf("dev-" + venue.Id);
        }

        return settings;
    }
}
