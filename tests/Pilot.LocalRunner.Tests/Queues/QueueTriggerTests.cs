using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Tests.SampleFunctions;
using Pilot.LocalRunner.Tests.Support;
using Pilot.TestSupport;

namespace Pilot.LocalRunner.Tests.Queues;

public sealed class QueueTriggerTests
{
    // Fast retries so three tries take well under a second.
    private static readonly object FastRetries = new { maxPollingInterval = "00:00:00.2", visibilityTimeout = "00:00:00", maxDequeueCount = 3 };

    [Fact]
    public async Task Message_whose_function_always_throws_ends_in_poison_after_maxDequeueCount_tries_with_its_body_unchanged()
    {
        await Azurite.EnsureReachableAsync();
        var queueName = Azurite.UniqueName("failing");
        var queue = await CreateRawQueueAsync(queueName);
        await using var runner = await StartAsync("SampleFailingQueue", "SampleFailingQueueName", queueName);
        const string body = "{\"id\":\"ünïcode-1\"}";

        var sent = (await queue.SendMessageAsync(Base64(body))).Value;
        var poisoned = await ReceiveAsync(RawQueue(queueName + "-poison"));

        Assert.Equal(Base64(body), poisoned.MessageText);
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, "the original message to be deleted");
        Assert.Equal(3, runner.Service<QueueProbe>().Attempts(body));
        // The move is logged after the poison message is written: on a busy machine the test can read the queue first.
        await Eventually.TrueAsync(() => Task.FromResult(runner.Logs.At(LogLevel.Error).Any(e => e.Message.Contains("moved to"))), "the move to poison to be logged");
        var error = Assert.Single(runner.Logs.At(LogLevel.Error), e => e.Message.Contains("moved to"));
        Assert.Contains("'SampleFailingQueue'", error.Message);
        Assert.Contains($"'{queueName}'", error.Message);
        Assert.Contains(sent.MessageId, error.Message);
        Assert.Contains($"cannot handle '{body}'", error.Message);
    }

    [Fact]
    public void A_processing_visibility_that_is_not_whole_seconds_fails_start_up_naming_the_setting()
    {
        var error = TestRunner.BuildFails(["SampleOrderQueue"], new Dictionary<string, string?>
        {
            ["SampleOrderQueueName"] = "orders",
            ["LocalRunner:ProcessingVisibilitySeconds"] = "0",
        });

        var problem = Assert.Single(error.Problems);
        Assert.Contains("LocalRunner:ProcessingVisibilitySeconds is '0'", problem);
    }

    [Fact]
    public async Task Message_is_decoded_from_base64_bound_as_json_and_deleted_after_success()
    {
        await Azurite.EnsureReachableAsync();
        var queueName = Azurite.UniqueName("orders");
        await using var runner = await StartAsync("SampleOrderQueue", "SampleOrderQueueName", queueName);
        var queue = RawQueue(queueName);

        await Eventually.TrueAsync(async () => await queue.ExistsAsync(), "the runner to create its queue");
        await queue.SendMessageAsync(Base64("{\"ID\":\"A-1\",\"quantity\":2}"));

        var probe = runner.Service<QueueProbe>();
        var order = await Eventually.GetAsync(() => Task.FromResult(probe.Orders.FirstOrDefault()), "the order to reach the function");
        Assert.Equal(new SampleOrder("A-1", 2), order);
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, "the message to be deleted");
    }

    [Fact]
    public async Task Message_with_a_number_in_a_string_is_refused_as_the_workers_serializer_refuses_it_not_read_with_web_defaults()
    {
        await Azurite.EnsureReachableAsync();
        var queueName = Azurite.UniqueName("strict");
        await using var runner = await StartAsync("SampleOrderQueue", "SampleOrderQueueName", queueName);
        const string body = "{\"id\":\"A-2\",\"quantity\":\"2\"}";

        await (await CreateRawQueueAsync(queueName)).SendMessageAsync(Base64(body));
        var poisoned = await ReceiveAsync(RawQueue(queueName + "-poison"));

        Assert.Equal(Base64(body), poisoned.MessageText);
        Assert.Empty(runner.Service<QueueProbe>().Orders);
    }

    [Fact]
    public async Task Message_that_is_not_base64_goes_to_poison_as_it_is_without_running_the_function()
    {
        await Azurite.EnsureReachableAsync();
        var queueName = Azurite.UniqueName("garbled");
        var queue = await CreateRawQueueAsync(queueName);
        await using var runner = await StartAsync("SampleFailingQueue", "SampleFailingQueueName", queueName);

        await queue.SendMessageAsync("plain text, not base64!");
        var poisoned = await ReceiveAsync(RawQueue(queueName + "-poison"));

        Assert.Equal("plain text, not base64!", poisoned.MessageText);
        Assert.Equal(0, runner.Service<QueueProbe>().Attempts("plain text, not base64!"));
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, "the original message to be deleted");
    }

    [Fact]
    public async Task Message_already_past_maxDequeueCount_when_received_goes_straight_to_poison()
    {
        await Azurite.EnsureReachableAsync();
        var queueName = Azurite.UniqueName("stale");
        var queue = await CreateRawQueueAsync(queueName);
        await queue.SendMessageAsync(Base64("stale"));
        for (var i = 0; i < 3; i++)
        {
            var message = (await queue.ReceiveMessageAsync()).Value;
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        await using var runner = await StartAsync("SampleFailingQueue", "SampleFailingQueueName", queueName);
        var poisoned = await ReceiveAsync(RawQueue(queueName + "-poison"));

        Assert.Equal(Base64("stale"), poisoned.MessageText);
        Assert.Equal(0, runner.Service<QueueProbe>().Attempts("stale"));
    }

    private static Task<TestRunner> StartAsync(string function, string queueSetting, string queueName) =>
        TestRunner.StartAsync(
            [function],
            new() { [queueSetting] = queueName, ["AzureWebJobsStorage"] = Azurite.ConnectionString },
            FastRetries);

    // No encoding: the test sees exactly what is on the wire.
    private static QueueClient RawQueue(string name) => new(Azurite.ConnectionString, name);

    private static async Task<QueueClient> CreateRawQueueAsync(string name)
    {
        var queue = RawQueue(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static Task<QueueMessage> ReceiveAsync(QueueClient queue) =>
        Eventually.GetAsync(
            async () => await queue.ExistsAsync() ? (await queue.ReceiveMessageAsync()).Value : null,
            $"a message in {queue.Name}");

    private static async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
