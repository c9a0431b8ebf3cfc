using System.Text.RegularExpressions;

namespace Pilot.Shared.UnitTests.Privacy;

/// <summary>
/// The phone numbers, full postcodes and surnames written in the tests' sources and the demo data,
/// each number in every form a log could show it (E.164, national, spaced).
/// </summary>
public sealed partial record PersonalData(IReadOnlySet<string> Numbers, IReadOnlySet<string> Postcodes, IReadOnlySet<string> Surnames)
{
    public static PersonalData UsedByTests(string root)
    {
        var files = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "Shared"), "demo-*.json", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("BadValues.cs", StringComparison.Ordinal)) // deliberately invalid values, never stored
            .ToList();
        var text = string.Join("\n", files.Select(File.ReadAllText));

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Mobile().Matches(text))
        {
            var national = match.Groups["area"].Value + match.Groups["line"].Value; // 7700900123
            numbers.Add("+44" + national);
            numbers.Add("0" + national);
            numbers.Add($"0{national[..4]} {national[4..]}");
        }

        var postcodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in FullPostcode().Matches(text))
        {
            postcodes.Add($"{match.Groups["out"].Value} {match.Groups["in"].Value}");
            postcodes.Add($"{match.Groups["out"].Value}{match.Groups["in"].Value}");
        }

        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Surname().Matches(text))
        {
            surnames.Add(match.Groups["name"].Value);
        }

        foreach (Match match in CsvName().Matches(text))
        {
            surnames.Add(match.Groups["name"].Value);
        }

        return new PersonalData(numbers, postcodes, surnames);
    }

    // 07700 900123, 07700900123, +447700900123, +44 7700 900123: the drama range the tests use.
    [GeneratedRegex(@"(?:\+44\s?|(?<![\d+])0)(?<area>7700)\s?(?<line>900\d{3})(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"\b(?<out>[A-Z]{1,2}\d[A-Z\d]?) (?<in>\d[A-Z]{2})\b")]
    private static partial Regex FullPostcode();

    [GeneratedRegex(@"(?i:lastName)\W{1,6}""(?<name>[A-Z][a-z'\-]{2,})""")]
    private static partial Regex Surname();

    // Bulk CSV rows: ,First,Last,<mobile>
    [GeneratedRegex(@",[A-Z][a-z]+,(?<name>[A-Z][a-z'\-]{2,}),[+0]")]
    private static partial Regex CsvName();
}
