using System.Text.RegularExpressions;
using Pilot.Infra.Tests.Support;

namespace Pilot.Infra.Tests.Workflows;

/// <summary>The GitHub workflows and azure.yaml parse and point only at files that exist; deploy.yml is least-privilege and pinned.</summary>
public sealed partial class WorkflowFilesTests
{
    private const string Deploy = ".github/workflows/deploy.yml";

    // Made by the workflow itself (publish output, downloaded artifacts) or by scripts/bicep.sh: not in the repository.
    private static readonly string[] GeneratedPrefixes = ["out/", "tools/"];

    public static TheoryData<string> Workflows() =>
        [.. Directory.EnumerateFiles(Repository.PathOf(".github", "workflows"), "*.yml").Select(Repository.Relative).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_parses_as_yaml_with_triggers_and_jobs(string path)
    {
        var workflow = new WorkflowFile(path);

        Assert.True(workflow.Root.Children.ContainsKey("on"), $"{path} has no `on:`");
        Assert.NotEmpty(workflow.Jobs);
        Assert.All(workflow.Jobs, job => Assert.True(job.Value.Children.ContainsKey("runs-on") || job.Value.Children.ContainsKey("uses"), $"{path} job {job.Key} has no runs-on"));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_refers_only_to_scripts_and_paths_that_exist(string path)
    {
        var workflow = new WorkflowFile(path);
        var referenced = workflow.Steps
            .SelectMany(s => new[] { WorkflowFile.Scalar(s, "run"), WorkflowFile.Map(s, "with") is { } with ? WorkflowFile.Scalar(with, "global-json-file") : null })
            .OfType<string>()
            .SelectMany(text => RepositoryPath().Matches(text).Select(m => m.Groups["path"].Value.TrimStart('.', '/')))
            .Where(p => !GeneratedPrefixes.Any(g => p.StartsWith(g, StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        Assert.NotEmpty(referenced);
        var missing = referenced.Where(p => !File.Exists(Repository.PathOf(p)) && !Directory.Exists(Repository.PathOf(p))).ToList();
        Assert.True(missing.Count == 0, $"{path} refers to paths that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Ci_keeps_running_the_readme_test_command()
    {
        var ci = new WorkflowFile(".github/workflows/ci.yml");
        Assert.Contains(ci.Steps, s => WorkflowFile.Scalar(s, "run")?.Trim() == "./test.sh");
    }

    [Fact]
    public void Deploy_tests_on_pull_requests_with_a_what_if_and_deploys_main_to_dev_then_prod_behind_its_environment()
    {
        var deploy = new WorkflowFile(Deploy);
        var on = WorkflowFile.Map(deploy.Root, "on")!;
        Assert.True(on.Children.ContainsKey("pull_request"));
        Assert.True(on.Children.ContainsKey("push"));

        var jobs = deploy.Jobs;
        Assert.Contains(deploy.Steps, s => WorkflowFile.Scalar(s, "run")?.Contains("./test.sh", StringComparison.Ordinal) == true);
        Assert.Contains("pull_request", WorkflowFile.Scalar(jobs["what-if"], "if"), StringComparison.Ordinal);
        Assert.Contains("az deployment group what-if", Runs(jobs["what-if"]), StringComparison.Ordinal);

        Assert.Equal("dev", WorkflowFile.Scalar(jobs["deploy-dev"], "environment"));
        Assert.Contains("refs/heads/main", WorkflowFile.Scalar(jobs["deploy-dev"], "if"), StringComparison.Ordinal);
        Assert.Equal("prod", WorkflowFile.Scalar(jobs["deploy-prod"], "environment"));
        Assert.Equal("deploy-dev", WorkflowFile.Scalar(jobs["deploy-prod"], "needs"));
        foreach (var (job, parameters) in new[] { ("deploy-dev", "infra/bicep/dev.bicepparam"), ("deploy-prod", "infra/bicep/prod.bicepparam") })
        {
            var runs = Runs(jobs[job]);
            Assert.Contains("az deployment group create", runs, StringComparison.Ordinal);
            Assert.Contains(parameters, runs, StringComparison.Ordinal);
            Assert.Contains(StepsOf(jobs[job]), s => WorkflowFile.Scalar(s, "uses")?.StartsWith("Azure/functions-action@", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public void Deploy_signs_in_with_oidc_and_no_stored_credential()
    {
        var deploy = new WorkflowFile(Deploy);
        var logins = deploy.Steps.Where(s => WorkflowFile.Scalar(s, "uses")?.StartsWith("azure/login@", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(3, logins.Count);
        Assert.All(logins, login =>
        {
            var with = WorkflowFile.Map(login, "with")!;
            Assert.Equal(["client-id", "subscription-id", "tenant-id"], with.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        });
        Assert.DoesNotContain("secrets.", deploy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("publish-profile", deploy.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_grants_least_privilege_read_at_the_top_and_an_id_token_only_to_jobs_that_sign_in()
    {
        var deploy = new WorkflowFile(Deploy);
        var top = WorkflowFile.Map(deploy.Root, "permissions")!;
        Assert.Equal("contents", Assert.Single(top.Children).Key.ToString());
        Assert.Equal("read", WorkflowFile.Scalar(top, "contents"));

        foreach (var (name, job) in deploy.Jobs)
        {
            var signsIn = StepsOf(job).Any(s => WorkflowFile.Scalar(s, "uses")?.StartsWith("azure/login@", StringComparison.Ordinal) == true);
            var permissions = WorkflowFile.Map(job, "permissions");
            Assert.Equal(signsIn, permissions is not null && WorkflowFile.Scalar(permissions, "id-token") == "write");
            if (permissions is not null)
            {
                Assert.All(permissions.Children.Where(p => p.Key.ToString() != "id-token"), p => Assert.Equal("read", p.Value.ToString()));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_pins_every_action_to_a_full_commit_sha_with_its_version_beside_it(string path)
    {
        var uses = new WorkflowFile(path).Text.Split('\n').Where(l => l.TrimStart().StartsWith("uses:", StringComparison.Ordinal) || l.TrimStart().StartsWith("- uses:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, line => Assert.Matches(PinnedAction(), line));
    }

    [Fact]
    public void Deploy_runs_the_pull_request_what_if_as_the_reader_identity_and_deploys_only_main_through_its_environments()
    {
        var deploy = new WorkflowFile(Deploy);
        var whatIf = deploy.Jobs["what-if"];

        // The what-if runs on pull requests only, outside any environment (its token's subject is
        // repo:<repo>:pull_request, which only the reader trusts), and signs in as the reader.
        Assert.Equal("github.event_name == 'pull_request'", WorkflowFile.Scalar(whatIf, "if"));
        Assert.False(whatIf.Children.ContainsKey("environment"), "the what-if must not run in a deploying environment");
        Assert.Equal("${{ vars.AZURE_WHATIF_CLIENT_ID }}", LoginClientId(whatIf));
        Assert.Contains("--validation-level ProviderNoRbac", Runs(whatIf), StringComparison.Ordinal);
        Assert.DoesNotContain("deployment group create", Runs(whatIf), StringComparison.Ordinal);

        // Only the deploy jobs sign in as a deployer, only on main, and only inside their environment (whose
        // variables hold the deployer's client id and whose branch rule admits main alone).
        foreach (var (name, job) in deploy.Jobs.Where(j => j.Key != "what-if" && StepsOf(j.Value).Any(IsLogin)))
        {
            Assert.StartsWith("deploy-", name, StringComparison.Ordinal);
            Assert.Equal("${{ vars.AZURE_CLIENT_ID }}", LoginClientId(job));
            Assert.False(string.IsNullOrEmpty(WorkflowFile.Scalar(job, "environment")), $"{name} has no environment");
        }

        Assert.Equal("github.event_name != 'pull_request' && github.ref == 'refs/heads/main'", WorkflowFile.Scalar(deploy.Jobs["deploy-dev"], "if"));
        Assert.Equal("deploy-dev", WorkflowFile.Scalar(deploy.Jobs["deploy-prod"], "needs"));
        Assert.Equal(2, deploy.Text.Split("vars.AZURE_CLIENT_ID").Length - 1);
    }

    [Fact]
    public void Deploy_ships_the_published_folder_with_its_hidden_files_and_checks_each_deployment_answers_health()
    {
        var deploy = new WorkflowFile(Deploy);
        var build = StepsOf(deploy.Jobs["build"]).ToList();
        var publish = Assert.Single(build, s => WorkflowFile.Scalar(s, "run")?.Contains("publish", StringComparison.Ordinal) == true);
        Assert.Equal("scripts/publish.sh out/app", WorkflowFile.Scalar(publish, "run")!.Trim());

        var upload = WorkflowFile.Map(Assert.Single(build, s => WorkflowFile.Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true), "with")!;
        Assert.Equal("out/app", WorkflowFile.Scalar(upload, "path"));
        Assert.Equal("true", WorkflowFile.Scalar(upload, "include-hidden-files"));

        foreach (var job in new[] { "deploy-dev", "deploy-prod" })
        {
            var steps = StepsOf(deploy.Jobs[job]).ToList();
            var download = WorkflowFile.Map(Assert.Single(steps, s => WorkflowFile.Scalar(s, "uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true), "with")!;
            Assert.Equal(WorkflowFile.Scalar(upload, "name") ?? "functions-app", WorkflowFile.Scalar(download, "name"));
            var deployApp = steps.FindIndex(s => WorkflowFile.Scalar(s, "uses")?.StartsWith("Azure/functions-action@", StringComparison.Ordinal) == true);
            Assert.Equal(WorkflowFile.Scalar(download, "path"), WorkflowFile.Scalar(WorkflowFile.Map(steps[deployApp], "with")!, "package"));
            var health = steps.FindIndex(s => WorkflowFile.Scalar(s, "run")?.Contains("scripts/wait-healthy.sh", StringComparison.Ordinal) == true);
            Assert.True(health > deployApp, $"{job} does not check /api/health after deploying the app");
            Assert.Contains("steps.infra.outputs.app-url", WorkflowFile.Scalar(steps[health], "run"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_workflow_pins_every_action_to_the_commit_and_tag_in_the_operations_table()
    {
        var table = PinnedActionsTable();
        var pins = Directory.EnumerateFiles(Repository.PathOf(".github", "workflows"), "*.yml").Select(Repository.Relative).SelectMany(w => new WorkflowFile(w).Text.Split('\n'))
            .Select(l => ActionPin().Match(l)).Where(m => m.Success)
            .Select(m => (Action: m.Groups["action"].Value, Sha: m.Groups["sha"].Value, Tag: m.Groups["tag"].Value))
            .Distinct()
            .ToList();

        Assert.Equal(7, pins.Select(p => p.Action).Distinct().Count());
        Assert.All(pins, pin =>
        {
            Assert.True(table.TryGetValue(pin.Action, out var row), $"{pin.Action} is pinned in a workflow but not in docs/operations.md's table");
            Assert.Equal(row.Sha, pin.Sha);
            Assert.Equal(row.Tag, pin.Tag);
        });
        Assert.Equal(table.Keys.Order(StringComparer.Ordinal), pins.Select(p => p.Action).Distinct().Order(StringComparer.Ordinal));
        // The commit behind Azure/functions-action's v1.5.7 and v1 tags (the earlier pin was a pull request's commit with no lib/).
        Assert.Equal("c5060b3b8bb1ebbcb531abd00c822ecbaa8ea656", table["Azure/functions-action"].Sha);
    }

    [Fact]
    public void Azure_yaml_points_azd_at_infra_bicep_and_the_functions_project()
    {
        var azure = new WorkflowFile("azure.yaml");
        var infra = WorkflowFile.Map(azure.Root, "infra")!;
        Assert.Equal("bicep", WorkflowFile.Scalar(infra, "provider"));
        Assert.Equal("infra/bicep", WorkflowFile.Scalar(infra, "path"));
        Assert.True(File.Exists(Repository.PathOf("infra", "bicep", WorkflowFile.Scalar(infra, "module") + ".bicep")));
        Assert.True(File.Exists(Repository.PathOf("infra", "bicep", WorkflowFile.Scalar(infra, "module") + ".bicepparam")));

        var api = WorkflowFile.Map(WorkflowFile.Map(azure.Root, "services")!, "api")!;
        Assert.Equal("function", WorkflowFile.Scalar(api, "host"));
        Assert.True(File.Exists(Repository.PathOf(WorkflowFile.Scalar(api, "project")!, "Pilot.Functions.csproj")));
        // The Function App carries the tag azd deploys to.
        Assert.Contains("'azd-service-name': 'api'", File.ReadAllText(Repository.PathOf("infra", "bicep", "modules", "function-app.bicep")), StringComparison.Ordinal);
    }

    private static bool IsLogin(YamlDotNet.RepresentationModel.YamlMappingNode step) =>
        WorkflowFile.Scalar(step, "uses")?.StartsWith("azure/login@", StringComparison.Ordinal) == true;

    private static string? LoginClientId(YamlDotNet.RepresentationModel.YamlMappingNode job) =>
        WorkflowFile.Scalar(WorkflowFile.Map(Assert.Single(StepsOf(job), IsLogin), "with")!, "client-id");

    // docs/operations.md, "Pinned actions": | `owner/action` | tag (...) | `sha` |
    private static Dictionary<string, (string Tag, string Sha)> PinnedActionsTable()
    {
        var text = File.ReadAllText(Repository.PathOf("docs", "operations.md"));
        var section = text[text.IndexOf("## Pinned actions", StringComparison.Ordinal)..];
        return TableRow().Matches(section).ToDictionary(m => m.Groups["action"].Value, m => (m.Groups["tag"].Value, m.Groups["sha"].Value), StringComparer.Ordinal);
    }

    private static IEnumerable<YamlDotNet.RepresentationModel.YamlMappingNode> StepsOf(YamlDotNet.RepresentationModel.YamlMappingNode job) =>
        ((YamlDotNet.RepresentationModel.YamlSequenceNode)job.Children["steps"]).Cast<YamlDotNet.RepresentationModel.YamlMappingNode>();

    private static string Runs(YamlDotNet.RepresentationModel.YamlMappingNode job) =>
        string.Join('\n', StepsOf(job).Select(s => WorkflowFile.Scalar(s, "run")).OfType<string>());

    // A repository path in a script: ./something.sh, or under a top-level folder of the repository.
    [GeneratedRegex(@"(?<![\w$/{.-])(?<path>\.?/?(?:\.ci|scripts|infra|src|tests|tools|out)/[\w./-]*[\w-]|\./[\w.-]+\.sh|global\.json)")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d")]
    private static partial Regex PinnedAction();

    [GeneratedRegex(@"uses:\s+(?<action>[\w.-]+/[\w.-]+)@(?<sha>[0-9a-f]{40})\s+#\s*(?<tag>v[\d.]+)")]
    private static partial Regex ActionPin();

    [GeneratedRegex(@"^\|\s*`(?<action>[\w.-]+/[\w.-]+)`\s*\|\s*(?<tag>v[\d.]+)[^|]*\|\s*`(?<sha>[0-9a-f]{40})`\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
