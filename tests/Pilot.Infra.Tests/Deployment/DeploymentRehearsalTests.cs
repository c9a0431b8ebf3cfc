using System.Net;
using Pilot.Infra.Tests.Support;
using Pilot.TestSupport;

namespace Pilot.Infra.Tests.Deployment;

/// <summary>
/// Rehearses the deployment offline: the package is built by the workflow's own publish script, carried with the
/// workflow's own upload settings, zipped, unpacked into an empty folder, and checked as the Functions host would
/// load it. A package missing a file the host or the worker needs fails here, not in Azure.
/// </summary>
public sealed class DeploymentRehearsalTests(DeploymentRehearsalTests.Rehearsal rehearsal) : IClassFixture<DeploymentRehearsalTests.Rehearsal>
{
    [Fact]
    public void The_unpacked_package_resolves_its_extensions_and_holds_every_function_the_code_declares()
    {
        Assert.Empty(PackageCheck.Problems(rehearsal.Unpacked));

        var functions = PackageCheck.MetadataFunctionNames(rehearsal.Unpacked);
        Assert.Equal(PackageCheck.DeclaredFunctionNames(), functions);
        Assert.Contains("Health", functions);
        Assert.True(functions.Count >= 20, $"only {functions.Count} functions in functions.metadata");
    }

    [Fact]
    public async Task The_worker_starts_from_the_unpacked_package_and_answers_health_as_the_deploy_check_asks()
    {
        var settings = new Dictionary<string, string?>(RoleKeys.Settings())
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = Azurite.UniqueName("rehearsal"),
            ["Reminders:SendQueue"] = Azurite.UniqueName("rehearsal-send-"),
            ["Reminders:InteractiveSendQueue"] = Azurite.UniqueName("rehearsal-isend-"),
            ["Wfi:LetterQueue"] = Azurite.UniqueName("rehearsal-wfi-"),
            ["Vacancies:FeedQueue"] = Azurite.UniqueName("rehearsal-feed-"),
            // Nothing is due: no timer needs to run for the rehearsal.
            ["Reminders:DispatchSchedule"] = "0 0 0 1 1 *",
            ["Wfi:DefaultSchedule"] = "0 0 0 1 1 *",
        };

        await using var runner = await LocalRunnerHost.StartWorkerAsync(rehearsal.Unpacked, settings);
        var url = runner.Urls.Single();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"storage\":\"ok\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(TestLog.Lines, l => l.Contains("Worker started", StringComparison.Ordinal) && l.Contains(rehearsal.Unpacked, StringComparison.Ordinal));

        // The deploy workflow's own check passes against it.
        var (exitCode, output) = await Scripts.RunAsync("scripts/wait-healthy.sh", [url, "60", "1"], TimeSpan.FromSeconds(90));
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void The_artifact_carries_the_hidden_extensions_folder_that_extensions_json_points_to()
    {
        Assert.True(DeployedPackage.UploadStep().IncludeHiddenFiles, "the upload step drops hidden files: add include-hidden-files: true");
        Assert.Contains(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll", rehearsal.ArtifactFiles);
        Assert.Contains(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader.dll", rehearsal.ArtifactFiles);
        Assert.True(File.Exists(Path.Combine(rehearsal.Unpacked, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll")));
    }

    [Fact]
    public void An_artifact_that_leaves_hidden_files_out_does_not_load()
    {
        using var folder = new TempFolder();
        var files = DeployedPackage.ArtifactFiles(rehearsal.Published, includeHiddenFiles: false);
        Assert.DoesNotContain(files, f => f.StartsWith(".azurefunctions/", StringComparison.Ordinal));

        var unpacked = Pack(folder, files);

        var problems = PackageCheck.Problems(unpacked);
        Assert.Contains(problems, p => p.Contains("AzureStorageQueues", StringComparison.Ordinal) && p.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("FunctionMetadataLoader", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pilot.Functions.dll")]
    [InlineData("Pilot.Shared.dll")]
    [InlineData("Azure.Data.Tables.dll")]
    [InlineData("Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.dll")]
    [InlineData(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader.dll")]
    [InlineData(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll")]
    [InlineData("functions.metadata")]
    [InlineData("extensions.json")]
    [InlineData("worker.config.json")]
    [InlineData("host.json")]
    public void A_package_missing_a_file_the_app_needs_fails_the_check(string left)
    {
        Assert.Contains(left, rehearsal.ArtifactFiles);
        using var folder = new TempFolder();

        var unpacked = Pack(folder, rehearsal.ArtifactFiles.Where(f => f != left));

        var problems = PackageCheck.Problems(unpacked);
        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains(Path.GetFileName(left), StringComparison.Ordinal));
    }

    private string Pack(TempFolder folder, IEnumerable<string> files)
    {
        var zip = Path.Combine(folder.Path, "app.zip");
        var unpacked = Path.Combine(folder.Path, "unpacked");
        DeployedPackage.Zip(rehearsal.Published, files, zip);
        DeployedPackage.Unpack(zip, unpacked);
        return unpacked;
    }

    /// <summary>One publish for the class (it takes a while): the rehearsed package, unpacked.</summary>
    public sealed class Rehearsal : IDisposable
    {
        private readonly TempFolder _folder = new();

        public Rehearsal()
        {
            Published = Path.Combine(_folder.Path, "out", "app");
            Unpacked = Path.Combine(_folder.Path, "wwwroot");
            ArtifactFiles = DeployedPackage.Rehearse(Published, Path.Combine(_folder.Path, "functions-app.zip"), Unpacked);
        }

        public string Published { get; }

        public string Unpacked { get; }

        public IReadOnlyList<string> ArtifactFiles { get; }

        public void Dispose() => _folder.Dispose();
    }
}
