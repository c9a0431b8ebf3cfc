using System.Text.RegularExpressions;

namespace Pilot.Shared.UnitTests.Privacy;

/// <summary>
/// Runs after the rest of the suite (./test.sh runs it last): every log line the suite wrote, the
/// fault run's runner logs included, is searched for every phone number, surname and full postcode
/// the tests and the demo data use. None may appear unmasked.
/// </summary>
[Trait("Category", Category)]
public sealed partial class SuiteLogScanTests
{
    public const string Category = "LogScan";

    // Set by ./test.sh; the tests' log provider (tests/Pilot.TestSupport TestLog) writes there.
    private const string DirectoryVariable = "PILOT_TEST_LOG_DIR";

    [Fact]
    public void No_phone_number_surname_or_full_postcode_the_tests_used_appears_in_any_log()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        Assert.False(string.IsNullOrEmpty(directory), $"{DirectoryVariable} is not set: run the suite with ./test.sh, which collects its logs and runs this scan last");
        var logs = Directory.EnumerateFiles(directory!, "*.log", SearchOption.AllDirectories).ToList();
        var lines = logs.SelectMany(File.ReadLines).ToList();
        Assert.True(lines.Count > 1000, $"only {lines.Count} log lines in {logs.Count} files under {directory}: the suite's logs were not collected");

        var data = PersonalData.UsedByTests(RepositoryRoot());
        Assert.True(data.Numbers.Count >= 20 && data.Postcodes.Count >= 10 && data.Surnames.Count >= 4, $"found {data.Numbers.Count} numbers, {data.Postcodes.Count} postcodes, {data.Surnames.Count} surnames in the tests: the search for them is broken");

        var leaks = new List<string>();
        foreach (var raw in lines)
        {
            // The example in the postcode rule's message is not anyone's address.
            var line = raw.Replace(Pilot.Shared.Postcodes.UkPostcode.InvalidMessage, "", StringComparison.Ordinal);
            var found = data.Numbers.Where(n => line.Contains(n, StringComparison.Ordinal))
                .Concat(data.Postcodes.Where(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)))
                .Concat(data.Surnames.Where(s => Regex.IsMatch(line, $@"\b{Regex.Escape(s)}\b")))
                .ToList();
            if (found.Count > 0)
            {
                leaks.Add($"{string.Join(", ", found)}: {(line.Length > 240 ? line[..240] + "…" : line)}");
            }
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} of {lines.Count} log lines hold personal data, e.g.:\n{string.Join("\n", leaks.Distinct().Take(20))}");
    }

    [Fact]
    public void No_choice_link_token_appears_in_any_log()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        Assert.False(string.IsNullOrEmpty(directory), $"{DirectoryVariable} is not set: run the suite with ./test.sh, which collects its logs and runs this scan last");
        var lines = Directory.EnumerateFiles(directory!, "*.log", SearchOption.AllDirectories).SelectMany(File.ReadLines).ToList();
        Assert.Contains(lines, l => l.Contains("/api/c/", StringComparison.Ordinal)); // the choice page was requested and logged, redacted

        // A token is {reference}.{expiry}[.{use}].{signature}; logged, only "/api/c/{reference}.…" may appear.
        var leaks = lines.Where(l => ChoiceLinkPath().IsMatch(l) || ChoiceToken().IsMatch(l)).Distinct().Take(20).ToList();

        Assert.True(leaks.Count == 0, $"Log lines hold a choice-link token (a bearer credential):\n{string.Join("\n", leaks)}");
    }

    [GeneratedRegex(@"/api/c/[^\s/?#.]+(\.|%2E)[0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex ChoiceLinkPath();

    [GeneratedRegex(@"\b[A-Za-z0-9-]{1,20}\.[0-9]{9,11}(\.[0-9]{1,4})?\.[A-Za-z0-9_-]{22}\b")]
    private static partial Regex ChoiceToken();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pilot.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Pilot.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
