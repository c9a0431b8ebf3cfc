using System.Text.Json;
using Pilot.ProviderSimulators.Tests.Support;

namespace Pilot.ProviderSimulators.Tests.Acs;

/// <summary>Azure's own JavaScript SDK against the simulator: its HMAC signature and wire format are the real thing.</summary>
public sealed class AcsSdkTests
{
    private const string Mobile = "+447700900123";
    private const string Sender = "+447700900001";

    [Fact]
    public async Task Sdk_send_is_verified_accepted_and_reported_delivered_with_its_tag()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        simulator.Acs.EventGridWebhook = receiver.Url("acs/events");

        var output = await AcsJsSdk.SendAsync(simulator.BaseUri, TestCredentials.AcsKey, Sender, Mobile, "Hi Sam", "reminder-1d");
        await simulator.Acs.WhenDeliveryReportsDoneAsync();

        Assert.Empty(simulator.Acs.AuthFailures.Snapshot());
        var result = Assert.Single(output.GetProperty("results").EnumerateArray());
        Assert.True(result.GetProperty("successful").GetBoolean());
        Assert.Equal(202, result.GetProperty("httpStatusCode").GetInt32());
        var messageId = result.GetProperty("messageId").GetString()!;
        Assert.Matches("^Outgoing_[0-9]{14}[0-9a-f-]{36}_noam$", messageId);

        var accepted = Assert.Single(simulator.Acs.Accepted.Snapshot());
        Assert.Equal(messageId, accepted.MessageId);
        Assert.Equal(Mobile, accepted.To);
        Assert.Equal("reminder-1d", accepted.Tag);
        Assert.True(accepted.EnableDeliveryReport);
        Assert.NotNull(accepted.RepeatabilityRequestId);

        var request = Assert.Single(simulator.Acs.Requests.Snapshot());
        Assert.Equal(202, request.ResponseStatus);
        Assert.StartsWith("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", request.Header("Authorization"), StringComparison.Ordinal);

        var delivery = Assert.Single(receiver.All);
        Assert.Equal("Notification", delivery.Headers["aeg-event-type"]);
        using var events = JsonDocument.Parse(delivery.Body);
        var report = Assert.Single(events.RootElement.EnumerateArray());
        Assert.Equal("Microsoft.Communication.SMSDeliveryReportReceived", report.GetProperty("eventType").GetString());
        Assert.Equal("/phonenumber/447700900123", report.GetProperty("subject").GetString());
        var data = report.GetProperty("data");
        Assert.Equal(messageId, data.GetProperty("MessageId").GetString());
        Assert.Equal("Delivered", data.GetProperty("DeliveryStatus").GetString());
        Assert.Equal("reminder-1d", data.GetProperty("Tag").GetString());
        Assert.Equal(1, data.GetProperty("DeliveryAttempts")[0].GetProperty("SegmentsSucceeded").GetInt32());
    }

    [Fact]
    public async Task Sdk_with_a_wrong_key_is_refused_401()
    {
        await using var simulator = await TestCredentials.StartAsync();

        var output = await AcsJsSdk.SendAsync(simulator.BaseUri, TestCredentials.OtherAcsKey, Sender, Mobile, "Hi Sam", "t");

        Assert.Equal(401, output.GetProperty("error").GetProperty("statusCode").GetInt32());
        Assert.Equal("Signature does not match", Assert.Single(simulator.Acs.AuthFailures.Snapshot()));
        Assert.Empty(simulator.Acs.Accepted.Snapshot());
    }
}
