using Pilot.Infra.Tests.Support;

namespace Pilot.Infra.Tests.Bicep;

/// <summary>
/// Every Bicep and parameters file in infra/bicep builds and lints with no diagnostic at all, warnings
/// included. One CLI call per check over all files (a glob), so the suite stays quick on two cores.
/// </summary>
public sealed class BicepFilesTests
{
    private static IReadOnlyList<string> Files(string pattern) =>
        [.. Directory.EnumerateFiles(Repository.BicepFolder, pattern, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repository.BicepFolder, f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Infra_folder_has_main_a_parameters_file_per_environment_and_small_modules()
    {
        Assert.Contains("main.bicep", Files("*.bicep"));
        Assert.Contains("dev.bicepparam", Files("*.bicepparam"));
        Assert.Contains("prod.bicepparam", Files("*.bicepparam"));
        var modules = Files("*.bicep").Where(f => f.StartsWith("modules", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.Superset(new HashSet<string?> { "function-app", "storage", "key-vault", "identity", "monitoring", "alerts", "role-assignments", "communication" }, modules);
    }

    [Fact]
    public void Every_bicep_file_builds_without_a_warning()
    {
        using var output = new TempFolder();
        var result = BicepCli.Run("build", "--pattern", "**/*.bicep", "--outdir", output.Path);

        Assert.True(result.ExitCode == 0, $"bicep build failed:\n{result.Errors}");
        Assert.Empty(BicepCli.Diagnostics(result.Output + result.Errors));
        foreach (var file in Files("*.bicep"))
        {
            Assert.True(File.Exists(Path.Combine(output.Path, Path.ChangeExtension(file, ".json"))), $"{file} was not built");
        }
    }

    [Fact]
    public void Every_parameters_file_builds_against_main_without_a_warning()
    {
        using var output = new TempFolder();
        var result = BicepCli.Run("build-params", "--pattern", "**/*.bicepparam", "--outdir", output.Path);

        Assert.True(result.ExitCode == 0, $"bicep build-params failed:\n{result.Errors}");
        Assert.Empty(BicepCli.Diagnostics(result.Output + result.Errors));
        foreach (var file in Files("*.bicepparam"))
        {
            Assert.True(File.Exists(Path.Combine(output.Path, Path.ChangeExtension(file, ".json"))), $"{file} was not built");
        }
    }

    [Fact]
    public void Every_environment_asks_for_a_maximum_instance_count_flex_consumption_accepts()
    {
        // Flex Consumption refuses a maximum instance count under 40 (main.bicep says where that comes from).
        using var output = new TempFolder();
        var result = BicepCli.Run("build-params", "--pattern", "**/*.bicepparam", "--outdir", output.Path);
        Assert.True(result.ExitCode == 0, $"bicep build-params failed:\n{result.Errors}");

        foreach (var file in Files("*.bicepparam"))
        {
            var built = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output.Path, Path.ChangeExtension(file, ".json"))))!;
            var parameters = built["parameters"]!;
            var count = (int?)parameters["maximumInstanceCount"]?["value"] ?? 40;
            Assert.InRange(count, 40, 1000);
        }
    }

    [Fact]
    public void Every_bicep_and_parameters_file_lints_clean()
    {
        var result = BicepCli.Run("lint", "--pattern", "**/*.bicep*");

        Assert.True(result.ExitCode == 0, $"bicep lint failed:\n{result.Output}{result.Errors}");
        Assert.Empty(BicepCli.Diagnostics(result.Output + result.Errors));
    }

    [Fact]
    public void A_missing_cli_fails_with_how_to_install_it_rather_than_skipping()
    {
        using var emptyRepository = new TempFolder();

        var error = Assert.Throws<InvalidOperationException>(() => BicepCli.Locate(null, emptyRepository.Path));

        Assert.Contains("scripts/bicep.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lint_warning_is_caught_so_none_can_pass_unnoticed()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "unused.bicep");
        File.WriteAllText(file, "param unused string\noutput answer int = 42\n");

        var result = BicepCli.Run("lint", file);

        var diagnostic = Assert.Single(BicepCli.Diagnostics(result.Output + result.Errors));
        Assert.Contains("no-unused-params", diagnostic, StringComparison.Ordinal);
    }
}
