using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.FaultRun.StorageFaults;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared;
using Pilot.Shared.Parents;
using Pilot.Shared.Storage;
using Pilot.Shared.WfiInvitations;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.StorageFaults;

/// <summary>
/// An invitation request that meets storage failing at its two writes (the invitation row, then its letter job), through
/// the fault proxy and the published worker: never a half-written booking, whatever the caller was told.
/// </summary>
public sealed class InvitationStorageFaultTests
{
    [Fact]
    public async Task An_invitation_insert_applied_but_unanswered_is_accepted_and_its_letter_is_posted()
    {
        await using var scene = await Scene.StartAsync();
        scene.Proxy.Tables.Target(new TargetedFault("POST", TableNames.WfiInvitations, TargetedFaultKind.AppliedThenDropped));

        using var created = await scene.InviteAsync();

        // Found by ./faults.sh: the SDK's retry met 409 on its own row and the desk answered "already invited" without
        // queueing the letter job.
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal(1, scene.Proxy.Counts[StorageService.Tables].AppliedThenFailed);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        await scene.WaitForPostedAsync(id);
    }

    [Fact]
    public async Task An_invitation_whose_letter_job_could_not_be_queued_answers_503_and_its_repeat_posts_the_letter()
    {
        await using var scene = await Scene.StartAsync();

        // Every attempt the SDK makes (the first and its retries) is refused: the row is written, the job is not.
        scene.Proxy.Queues.Target(new TargetedFault("POST", "/" + scene.LetterQueue + "/messages", TargetedFaultKind.FailBefore, Times: 100));
        using var first = await scene.InviteAsync();
        scene.Proxy.Queues.ClearTargeted();
        using var repeat = await scene.InviteAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(first.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        var id = (await Json(repeat)).GetProperty("invitationId").GetString()!;
        await scene.WaitForPostedAsync(id);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private sealed class Scene(StorageFaultProxy proxy, WebApplication runner, HttpClient office, string letterQueue, string parentId) : IAsyncDisposable
    {
        public StorageFaultProxy Proxy { get; } = proxy;

        public string LetterQueue { get; } = letterQueue;

        public static async Task<Scene> StartAsync()
        {
            await Azurite.EnsureReachableAsync();
            var proxy = await StorageFaultProxy.StartAsync(Azurite.ConnectionString);
            var settings = WfiScenario.Settings();
            settings["AzureWebJobsStorage"] = proxy.ConnectionString;
            var runner = await LocalRunnerHost.StartAsync("wfifaults", settings);
            var parent = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
                WfiScenario.LambethOffice,
                new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)) { LastName = "Okafor" },
                CancellationToken.None);
            return new Scene(proxy, runner, LocalRunnerHost.Client(runner, WfiScenario.LambethKey), settings["Wfi:LetterQueue"]!, parent.Value!.Id);
        }

        public Task<HttpResponseMessage> InviteAsync()
            => office.PostAsJsonAsync("wfi-invitations", WfiScenario.Request(parentId, DateTimeOffset.UtcNow), JsonDefaults.Web);

        /// <summary>Waits until the letter job has run: the invitation is posted.</summary>
        public async Task WaitForPostedAsync(string id)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var view = await Json(await office.GetAsync(new Uri($"wfi-invitations/{id}", UriKind.Relative)));
                if (view.GetProperty("status").GetString() == WfiInvitationStatuses.Posted)
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, $"invitation {id} never posted its letter: {view}");
                await Task.Delay(250);
            }
        }

        public async ValueTask DisposeAsync()
        {
            office.Dispose();
            await runner.DisposeAsync();
            await Proxy.DisposeAsync();
        }
    }
}
