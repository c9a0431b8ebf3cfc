using Microsoft.Extensions.Options;

namespace Pilot.Shared.Access;

/// <summary>
/// Checked at start-up: every value is one or more hex SHA-256 hashes, and no key belongs to two principals
/// (a credential maps to exactly one). Naming the setting lets an operator fix it.
/// </summary>
public sealed class AccessKeyValidation : IValidateOptions<AccessKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (setting, _, hashes) in options.Entries())
        {
            foreach (var hash in (hashes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!CallerCredentials.IsHash(hash))
                {
                    failures.Add($"{setting} must be the hex SHA-256 of a key (64 hex digits, comma-separated while rotating)");
                }
                else if (owners.TryGetValue(hash, out var other) && other != setting)
                {
                    failures.Add($"{setting} and {other} hold the same key: every key belongs to exactly one principal");
                }
                else
                {
                    owners[hash] = setting;
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
