using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.BadInput;

/// <summary>
/// Every queue function, found from its <c>[QueueTrigger]</c>, gets malformed messages through the local
/// runner: each ends in <c>&lt;queue&gt;-poison</c> with the failure logged, and a good message sent
/// after them is still processed.
/// </summary>
public sealed class BadQueueMessageTests
{
    private static readonly string[] Malformed = ["not json", "{", "null", "[]", "42", "{\"unexpected\":true}", new string('x', 20_000)];

    public static TheoryData<string> QueueSettings() => [.. typeof(Pilot.Functions.Http.JsonBody).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods())
        .SelectMany(m => m.GetParameters())
        .Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName)
        .OfType<string>()
        .Select(name => name.Trim('%'))];

    [Theory]
    [MemberData(nameof(QueueSettings))]
    public async Task Malformed_messages_end_in_the_poison_queue_and_good_ones_still_go_through(string queueSetting)
    {
        var hostJson = Path.Combine(Path.GetTempPath(), $"bad-queue-host-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(hostJson, """{"version":"2.0","extensions":{"queues":{"maxPollingInterval":"00:00:01","visibilityTimeout":"00:00:01","maxDequeueCount":2}}}""");
        var settings = WfiInvitations.WfiScenario.Settings();
        settings["LocalRunner:HostJsonPath"] = hostJson;
        settings["Vacancies:FeedQueue"] = Azurite.UniqueName("feed-");
        settings["Vacancies:AlertSchedule"] = "0 0 0 1 1 *";
        await using var runner = await LocalRunnerHost.StartAsync("badq", settings);
        var storage = runner.Services.GetRequiredService<StorageClients>();
        var configuration = runner.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var queueName = configuration[queueSetting]!;
        var queue = await storage.QueueAsync(queueName);
        var poison = await storage.QueueAsync(queueName + "-poison");

        foreach (var message in Malformed)
        {
            await queue.SendMessageAsync(message);
        }

        var good = queueSetting == "Vacancies:FeedQueue";
        if (good)
        {
            var expiry = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await queue.SendMessageAsync($$$"""{"vacancies":[{"ref":"QUEUE-OK-1","title":"Cook","employer":"Oakfield Primary School","postcode":"SW9 9TN","hoursText":"Mon-Fri 10am-2pm","category":"catering","expiryDate":"{{{expiry}}}","apply":{"url":"https://example.org/apply"}}]}""");
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        int poisoned;
        while ((poisoned = (await poison.PeekMessagesAsync(32)).Value.Length) < Malformed.Length)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{poisoned} of {Malformed.Length} malformed messages reached {queueName}-poison");
            await Task.Delay(250);
        }

        Assert.Equal(Malformed.Length, poisoned);
        var recorded = TestLog.Lines.Count(l => l.Contains($"from queue '{queueName}' moved to '{queueName}-poison'", StringComparison.Ordinal) && l.Contains("Reason: ", StringComparison.Ordinal));
        Assert.True(recorded >= Malformed.Length, $"{recorded} poison moves logged with their reason");
        if (good)
        {
            var vacancies = runner.Services.GetRequiredService<VacancyStore>();
            while (await vacancies.GetAsync("QUEUE-OK-1", CancellationToken.None) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the good batch after the malformed ones was never stored");
                await Task.Delay(250);
            }
        }

        File.Delete(hostJson);
    }
}
