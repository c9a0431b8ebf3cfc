namespace Pilot.Shared.Access;

/// <summary>
/// Settings under <c>Access:</c>: whose each key is. Only hex SHA-256 hashes are configured, so the settings
/// never hold a usable key; a value may list several hashes, comma-separated, while a key is replaced.
/// </summary>
public sealed class AccessKeyOptions
{
    public const string Section = "Access";

    /// <summary><c>Access:Offices:{officeId}</c>: a Jobcentre office's staff (the office id is its venue id).</summary>
    public Dictionary<string, string> Offices { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>Access:Centres:{venueId}</c>: a children's centre manager.</summary>
    public Dictionary<string, string> Centres { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>Access:Central</c>: the evaluation team.</summary>
    public string Central { get; set; } = "";

    /// <summary><c>Access:Feed</c>: the vacancy feed.</summary>
    public string Feed { get; set; } = "";

    /// <summary><c>Access:Operator</c>: operators (venues and offices).</summary>
    public string Operator { get; set; } = "";

    /// <summary>Every configured hash with its principal and the setting it came from.</summary>
    public IEnumerable<(string Setting, Caller Caller, string Hashes)> Entries()
    {
        foreach (var (id, hashes) in Offices)
        {
            yield return ($"{Section}:Offices:{id}", Caller.Office(id), hashes);
        }

        foreach (var (id, hashes) in Centres)
        {
            yield return ($"{Section}:Centres:{id}", Caller.Centre(id), hashes);
        }

        yield return ($"{Section}:Central", Caller.Central, Central);
        yield return ($"{Section}:Feed", Caller.Feed, Feed);
        yield return ($"{Section}:Operator", Caller.Operator, Operator);
    }
}
