using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Pilot.ProviderSimulators.Tests.Support;

namespace Pilot.ProviderSimulators.Tests.Acs;

public sealed class AcsApiTests
{
    private const string Mobile = "+447700900123";

    [Fact]
    public async Task Same_repeatability_id_twice_is_one_accepted_message_with_the_original_id()
    {
        await using var simulator = await TestCredentials.StartAsync();
        var body = AcsRequests.Body(Mobile, repeatabilityId: "5d6c1a8e-0000-4000-8000-000000000001");

        var (first, firstJson) = await AcsRequests.SendAsync(simulator.BaseUri, body);
        var (second, secondJson) = await AcsRequests.SendAsync(simulator.BaseUri, body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var original = firstJson.GetProperty("value")[0].GetProperty("messageId").GetString();
        Assert.Equal(original, secondJson.GetProperty("value")[0].GetProperty("messageId").GetString());
        Assert.Equal("accepted", secondJson.GetProperty("value")[0].GetProperty("repeatabilityResult").GetString());
        Assert.Single(simulator.Acs.Accepted.Snapshot());
        var duplicate = Assert.Single(simulator.Acs.DuplicateRequests.Snapshot());
        Assert.Equal(original, duplicate.OriginalMessageId);
    }

    [Fact]
    public async Task An_invalid_recipient_fails_alone_while_the_others_are_accepted()
    {
        await using var simulator = await TestCredentials.StartAsync();

        var (response, json) = await AcsRequests.SendAsync(simulator.BaseUri, AcsRequests.Body(Mobile, null, "Hi", "07700900123"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var results = json.GetProperty("value");
        Assert.True(results[0].GetProperty("successful").GetBoolean());
        Assert.False(results[1].GetProperty("successful").GetBoolean());
        Assert.Equal(400, results[1].GetProperty("httpStatusCode").GetInt32());
        Assert.Equal(JsonValueKind.String, results[1].GetProperty("errorMessage").ValueKind);
        Assert.Equal(Mobile, Assert.Single(simulator.Acs.Accepted.Snapshot()).To);
    }

    [Fact]
    public async Task A_body_that_does_not_match_its_content_hash_is_denied()
    {
        await using var simulator = await TestCredentials.StartAsync();

        var (response, json) = await AcsRequests.SendAsync(
            simulator.BaseUri, AcsRequests.Body(Mobile), tamperBody: body => body.Replace("Hello", "Hullo", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Denied", json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Denied by the resource provider.", json.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(simulator.Acs.Accepted.Snapshot());
    }

    [Theory]
    [InlineData(14, HttpStatusCode.Accepted)]
    [InlineData(16, HttpStatusCode.Unauthorized)]
    [InlineData(-16, HttpStatusCode.Unauthorized)]
    public async Task A_date_more_than_15_minutes_off_the_simulators_clock_is_denied(int minutesOff, HttpStatusCode expected)
    {
        var now = DateTimeOffset.UtcNow;
        await using var simulator = await TestCredentials.StartAsync(new FakeTimeProvider(now.AddMinutes(minutesOff)));

        var (response, _) = await AcsRequests.SendAsync(simulator.BaseUri, AcsRequests.Body(Mobile), date: now);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Inbound_text_arrives_as_an_sms_received_event()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        simulator.Acs.EventGridWebhook = receiver.Url("acs/events");

        var answer = await simulator.Acs.SendInboundAsync(Mobile, "+447700900001", "STOP");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var posted = Assert.Single(receiver.All);
        Assert.Equal("Notification", posted.Headers["aeg-event-type"]);
        using var events = JsonDocument.Parse(posted.Body);
        var received = events.RootElement[0];
        Assert.Equal("Microsoft.Communication.SMSReceived", received.GetProperty("eventType").GetString());
        Assert.Equal("STOP", received.GetProperty("data").GetProperty("Message").GetString());
        Assert.Equal(Mobile, received.GetProperty("data").GetProperty("From").GetString());
        Assert.StartsWith("Incoming_", received.GetProperty("data").GetProperty("MessageId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_handshake_succeeds_only_when_the_webhook_echoes_the_code()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var echoing = await WebhookReceiver.StartAsync(async (context, body) =>
        {
            using var events = JsonDocument.Parse(body);
            var code = events.RootElement[0].GetProperty("data").GetProperty("validationCode").GetString();
            await context.Response.WriteAsJsonAsync(new { validationResponse = code });
        });
        await using var silent = await WebhookReceiver.StartAsync();

        simulator.Acs.EventGridWebhook = echoing.Url("acs/events");
        var handshake = await simulator.Acs.SendValidationHandshakeAsync();
        simulator.Acs.EventGridWebhook = silent.Url("acs/events");
        var ignored = await simulator.Acs.SendValidationHandshakeAsync();

        Assert.True(handshake.Validated);
        Assert.Contains(handshake.ValidationCode, handshake.Response.Body, StringComparison.Ordinal);
        Assert.Equal("SubscriptionValidation", Assert.Single(echoing.All).Headers["aeg-event-type"]);
        Assert.False(ignored.Validated);
    }

    [Fact]
    public async Task A_failed_delivery_rule_reports_the_status_for_that_number()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        simulator.Acs.EventGridWebhook = receiver.Url("acs/events");
        simulator.Acs.SetDeliveryStatus(Mobile, "Failed", "Destination unreachable");

        await AcsRequests.SendAsync(simulator.BaseUri, AcsRequests.Body(Mobile));
        await simulator.Acs.WhenDeliveryReportsDoneAsync();

        using var events = JsonDocument.Parse(Assert.Single(receiver.All).Body);
        var data = events.RootElement[0].GetProperty("data");
        Assert.Equal("Failed", data.GetProperty("DeliveryStatus").GetString());
        Assert.Equal(0, data.GetProperty("DeliveryAttempts")[0].GetProperty("SegmentsSucceeded").GetInt32());
    }
}
