using System.Text.Json;
using Azure.Storage.Queues.Models;
using Pilot.Shared;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;

namespace Pilot.IntegrationTests;

/// <summary>Reads the send queues (the interactive lane first, then the bulk one) as the queue functions would, for tests that drive the sender directly: one entry per text a message names.</summary>
public static class SendQueueReader
{
    public static async Task<List<(QueueMessage Message, TextRef Text)>> ReceiveAllAsync(PilotServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var all = await ReceiveAllAsync(services, services.InteractiveSendQueue);
        all.AddRange(await ReceiveAllAsync(services, services.SendQueue));
        return all;
    }

    private static async Task<List<(QueueMessage Message, TextRef Text)>> ReceiveAllAsync(PilotServices services, string name)
    {
        var queue = await services.Get<StorageClients>().QueueAsync(name);
        var all = new List<(QueueMessage, TextRef)>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return all;
            }

            // A message from the dispatch tick names several texts: one entry for each, as the send function sends each.
            all.AddRange(from message in batch
                         from text in JsonSerializer.Deserialize<SendMessage>(message.Body.ToString(), JsonDefaults.Web)!.Texts()
                         select (message, text));
        }
    }

    /// <summary>Hands every queued message to the sender, as the queue trigger would; returns the outcomes.</summary>
    public static async Task<List<SendOutcome>> DrainAsync(PilotServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var sender = services.Get<TextSender>();
        var outcomes = new List<SendOutcome>();
        foreach (var (_, text) in await ReceiveAllAsync(services))
        {
            outcomes.Add(await sender.SendAsync(text, CancellationToken.None));
        }

        return outcomes;
    }
}
