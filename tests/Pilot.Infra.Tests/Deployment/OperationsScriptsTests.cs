using System.Net;
using System.Text;
using Pilot.Infra.Tests.Support;
using Pilot.TestSupport;

namespace Pilot.Infra.Tests.Deployment;

/// <summary>
/// The operator's scripts and runbooks: every secret change is followed by a refresh of the Key Vault references
/// (a restart alone may keep the old value for a day), and the deploy workflow's health check fails a deployment
/// that does not answer.
/// </summary>
public sealed class OperationsScriptsTests
{
    private const string Refresh = "scripts/refresh-secrets.sh";

    [Fact]
    public void The_refresh_script_calls_the_references_refresh_endpoint_then_restarts()
    {
        var script = File.ReadAllText(Repository.PathOf("scripts", "refresh-secrets.sh"));
        var refresh = script.IndexOf("/config/configreferences/appsettings/refresh?", StringComparison.Ordinal);
        var restart = script.IndexOf("az functionapp restart", StringComparison.Ordinal);

        Assert.True(refresh > 0, "refresh-secrets.sh does not call config/configreferences/appsettings/refresh");
        Assert.True(restart > refresh, "refresh-secrets.sh must refresh the references before it restarts");
        Assert.Contains("--method post", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_runbook_that_changes_a_secret_refreshes_the_references_after_it()
    {
        var sections = Sections();

        // Each rotation bullet, the role-key runbook and the first deployment's secrets step.
        var rotations = Bullets(sections["Rotating a secret"]).ToList();
        Assert.True(rotations.Count >= 6, $"only {rotations.Count} rotation runbooks found");
        Assert.All(rotations, bullet => Assert.Contains(Refresh, bullet, StringComparison.Ordinal));

        foreach (var name in new[] { "Role keys", "First deployment from nothing", "Rotating a secret" })
        {
            var text = sections[name];
            var lastSet = text.LastIndexOf("az keyvault secret set", StringComparison.Ordinal);
            Assert.True(lastSet >= 0 || name == "Rotating a secret", $"{name} sets no secret");
            Assert.True(text.IndexOf(Refresh, Math.Max(lastSet, 0), StringComparison.Ordinal) > lastSet, $"{name}: no {Refresh} after its last secret change");
        }

        // A bare restart is only ever mentioned where the refresh is explained.
        Assert.All(sections.Where(s => s.Key != "Refreshing secrets"), s =>
            Assert.DoesNotContain("az functionapp restart", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_health_check_passes_when_the_app_answers_ok_and_fails_when_storage_is_not_ok()
    {
        using var healthy = new HealthStub(HttpStatusCode.OK, """{"status":"ok","storage":"ok"}""");
        var passed = await RunAsync("scripts/wait-healthy.sh", healthy.BaseUrl, "5", "1");
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.Contains("healthy", passed.Output, StringComparison.Ordinal);

        using var unhealthy = new HealthStub(HttpStatusCode.ServiceUnavailable, """{"status":"unhealthy","storage":"unreachable"}""");
        var failed = await RunAsync("scripts/wait-healthy.sh", unhealthy.BaseUrl, "3", "1");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("503", failed.Output, StringComparison.Ordinal);
        Assert.True(unhealthy.Requests >= 2, $"asked {unhealthy.Requests} times in 3 s");
    }

    [Fact]
    public async Task The_health_check_fails_when_nothing_answers()
    {
        var failed = await RunAsync("scripts/wait-healthy.sh", $"http://127.0.0.1:{Harness.FreePort()}", "2", "1");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("not healthy after 2s", failed.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publish.sh")]
    [InlineData("refresh-secrets.sh")]
    [InlineData("wait-healthy.sh")]
    public async Task Scripts_parse_and_refuse_a_call_without_their_arguments(string script)
    {
        var syntax = await RunAsync("bash", "-n", Repository.PathOf("scripts", script));
        Assert.True(syntax.ExitCode == 0, syntax.Output);

        var bare = await RunAsync($"scripts/{script}");
        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("usage:", bare.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Sections()
    {
        var text = File.ReadAllText(Repository.PathOf("docs", "operations.md"));
        return text.Split("\n## ").Skip(1).ToDictionary(s => s[..s.IndexOf('\n')].Trim(), s => s, StringComparer.Ordinal);
    }

    // Top-level "- **...**" bullets with their continuation lines.
    private static IEnumerable<string> Bullets(string section) =>
        section.Split("\n- ").Skip(1).Where(b => b.StartsWith("**", StringComparison.Ordinal)).Select(b => b.Split("\n\n")[0]);

    private static Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments) =>
        Scripts.RunAsync(file, arguments, TimeSpan.FromSeconds(60));

    /// <summary>A loopback server answering /api/health with a fixed status and body.</summary>
    private sealed class HealthStub : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _requests;

        public HealthStub(HttpStatusCode status, string body)
        {
            var port = Harness.FreePort();
            BaseUrl = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add($"{BaseUrl}/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    Interlocked.Increment(ref _requests);
                    var bytes = Encoding.UTF8.GetBytes(body);
                    context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/api/health" ? (int)status : 404;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string BaseUrl { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();
    }
}
