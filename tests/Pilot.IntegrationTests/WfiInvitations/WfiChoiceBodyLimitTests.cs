using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared;
using Pilot.Shared.Parents;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Choosing;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.WfiInvitations;

/// <summary>
/// <c>POST /api/c/{token}</c> through the local runner: the link is checked before the form is read, and the
/// form is read to at most the 1 MB every other body is limited to.
/// </summary>
public sealed class WfiChoiceBodyLimitTests
{
    private const int OverOneMegabyte = (1024 * 1024) + 1;

    [Fact]
    public async Task A_choice_posted_to_a_bad_unknown_or_expired_link_is_refused_without_reading_the_body()
    {
        // Each request asks to send its body only once the app reads it (Expect: 100-continue, which Kestrel answers
        // on the first read) and then never sends it: an answer with no "100 Continue" before it was given unread.
        await using var runner = await LocalRunnerHost.StartAsync("choicebody", WfiScenario.Settings());
        var (invitation, _) = await InviteAsync(runner);
        var expired = ChoiceToken.Create(invitation.Reference, invitation.Id, DateTimeOffset.UtcNow.AddDays(-1), Encoding.UTF8.GetBytes(WfiScenario.SigningKey));

        foreach (var (token, status, says) in new[]
        {
            ("rubbish", 400, "This link is not valid"),
            ("WFI-222222.1780000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 400, "This link is not valid"),
            (expired, 410, "This link has expired"),
        })
        {
            var answer = await PostHeadersOnlyAsync(runner, $"c/{token}");

            Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
            Assert.Contains(says, answer, StringComparison.Ordinal);
        }

        Assert.Null((await StoredAsync(runner, invitation.Id)).Choice);
    }

    [Fact]
    public async Task An_oversized_choice_to_a_good_link_gets_a_413_page_and_a_normal_choice_still_works()
    {
        await using var runner = await LocalRunnerHost.StartAsync("choicebody", WfiScenario.Settings());
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);
        var (invitation, token) = await InviteAsync(runner);
        var oversized = Encoding.ASCII.GetBytes("choice=centre&padding=" + new string('x', OverOneMegabyte));

        var declared = await http.PostAsync($"c/{token}", Form(new ByteArrayContent(oversized)));
        var chunked = await http.PostAsync($"c/{token}", Form(new StreamContent(new MemoryStream(oversized))));
        var unbooked = await StoredAsync(runner, invitation.Id);
        var chosen = await http.PostAsync($"c/{token}", new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", "centre")]));

        foreach (var tooLarge in new[] { declared, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            Assert.Equal("text/html", tooLarge.Content.Headers.ContentType?.MediaType);
            Assert.Contains("could not read your answer", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("no-store", tooLarge.Headers.CacheControl?.ToString());
        }

        Assert.Null(unbooked.Choice);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Contains("Your interview is booked", await chosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WfiOptionKeys.Centre, (await StoredAsync(runner, invitation.Id)).Choice);
    }

    private static HttpContent Form(HttpContent content)
    {
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>Sends a form post's headers, never its body, and returns the first answer the runner gives.</summary>
    private static async Task<string> PostHeadersOnlyAsync(WebApplication runner, string path)
    {
        var address = new Uri(runner.Urls.Single());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/{path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (!received.ToString().Contains("</html>", StringComparison.Ordinal) && !received.ToString().StartsWith("HTTP/1.1 100", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    private static async Task<(WfiInvitationEntity Invitation, string Token)> InviteAsync(WebApplication runner)
    {
        var parent = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)) { LastName = "Okafor" },
            CancellationToken.None);
        using var http = LocalRunnerHost.Client(runner, WfiScenario.LambethKey);
        var request = new HttpRequestMessage(HttpMethod.Post, "wfi-invitations") { Content = JsonContent.Create(WfiScenario.Request(parent.Value!.Id, DateTimeOffset.UtcNow), options: JsonDefaults.Web) };
        request.Headers.Add("x-functions-key", WfiScenario.LambethKey);
        var created = await http.SendAsync(request);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var invitation = await StoredAsync(runner, id);
        return (invitation, ChoiceToken.Create(invitation.Reference, id, RespondByDate.EndOf(invitation.RespondBy), Encoding.UTF8.GetBytes(WfiScenario.SigningKey)));
    }

    private static async Task<WfiInvitationEntity> StoredAsync(WebApplication runner, string id)
        => (await runner.Services.GetRequiredService<WfiInvitationStore>().GetAsync(WfiScenario.Lambeth, id, CancellationToken.None))!;
}
