using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Pilot.ProviderSimulators.Faults;
using Pilot.ProviderSimulators.Tests.Support;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Pilot.ProviderSimulators.Tests.Faults;

public sealed class FaultTests
{
    private const string Mobile = "+447700900123";

    [Fact]
    public async Task Twilio_server_error_answers_once_then_the_next_request_is_accepted()
    {
        await using var simulator = await TestCredentials.StartAsync();
        simulator.Twilio.Faults.Enqueue(Fault.ServerError(503));
        using var http = new HttpClient();

        using var failed = await TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile);
        using var accepted = await TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Single(simulator.Twilio.Accepted);
        Assert.Equal([503, 201], simulator.Twilio.Requests.Snapshot().Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Twilio_throttle_is_429_with_retry_after_and_code_20429()
    {
        await using var simulator = await TestCredentials.StartAsync();
        simulator.Twilio.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 7));
        simulator.Twilio.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 7));
        using var http = new HttpClient();

        using var response = await TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile);
        var sdkError = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile), from: new PhoneNumber("+447700900001"), body: "x", client: TwilioSdk.Client(simulator)));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(20429, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(20429, sdkError.Code);
        Assert.Equal(429, sdkError.Status);
        Assert.Empty(simulator.Twilio.Accepted);
    }

    [Fact]
    public async Task Auth_failures_do_not_use_up_a_scripted_fault()
    {
        await using var simulator = await TestCredentials.StartAsync();
        simulator.Twilio.Faults.Enqueue(Fault.ServerError(500));
        using var http = new HttpClient();

        using var denied = await TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile, token: "wrong");
        using var failed = await TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile);

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(0, simulator.Twilio.Faults.Pending);
    }

    [Fact]
    public async Task Twilio_accept_then_drop_keeps_the_message_fires_callbacks_and_the_client_sees_a_transport_error()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        simulator.Twilio.Faults.Enqueue(Fault.AcceptThenDrop());
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile, statusCallback: receiver.Url("status")));
        await simulator.Twilio.WhenCallbacksDoneAsync();

        var message = Assert.Single(simulator.Twilio.Accepted);
        Assert.Equal(0, Assert.Single(simulator.Twilio.Requests.Snapshot()).ResponseStatus);
        Assert.Equal(["sent", "delivered"], receiver.All.Select(c => c.Form["MessageStatus"]));
        var found = await MessageResource.ReadAsync(to: new PhoneNumber(Mobile), dateSentAfter: DateTime.UtcNow.Date, client: TwilioSdk.Client(simulator));
        Assert.Equal(message.Sid, Assert.Single(found).Sid);
    }

    [Fact]
    public async Task Delay_holds_the_answer_back()
    {
        await using var simulator = await TestCredentials.StartAsync();
        simulator.Twilio.Faults.Enqueue(Fault.Delay(TimeSpan.FromMilliseconds(300)));
        using var http = new HttpClient();

        var clock = Stopwatch.StartNew();
        using var delayed = await TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile);
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.Created, delayed.StatusCode);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {elapsed}");
    }

    [Fact]
    public async Task Random_faults_follow_their_rates_and_repeat_with_the_same_seed()
    {
        async Task<List<int>> RunAsync()
        {
            await using var simulator = await ProviderSimulator.StartAsync(TestCredentials.Options with { RandomSeed = 42 });
            simulator.Twilio.Faults.ServerErrorRate = 0.2;
            simulator.Twilio.Faults.ThrottleRate = 0.2;
            simulator.Twilio.Faults.DropAfterAcceptRate = 0.1;
            simulator.Twilio.CallbacksEnabled = false;
            using var http = new HttpClient();
            var statuses = new List<int>();
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var response = await TwilioRequests.SendAsync(http, simulator.BaseUri, Mobile);
                    statuses.Add((int)response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    statuses.Add(0);
                }
            }

            Assert.Equal(statuses.Count(s => s is 201 or 0), simulator.Twilio.Accepted.Count);
            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.InRange(first.Count(s => s == 503), 8, 35);
        Assert.InRange(first.Count(s => s == 429), 8, 35);
        Assert.InRange(first.Count(s => s == 0), 2, 20);
        Assert.InRange(first.Count(s => s == 201), 35, 70);
    }

    [Fact]
    public async Task Latency_applies_to_every_request()
    {
        await using var simulator = await TestCredentials.StartAsync();
        simulator.Acs.Faults.LatencyMin = TimeSpan.FromMilliseconds(150);
        simulator.Acs.Faults.LatencyMax = TimeSpan.FromMilliseconds(200);

        var clock = Stopwatch.StartNew();
        var (response, _) = await AcsRequests.SendAsync(simulator.BaseUri, AcsRequests.Body(Mobile));
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(140), $"answered after {elapsed}");
    }

    [Fact]
    public async Task Acs_throttle_and_server_error_answer_with_acs_error_bodies()
    {
        await using var simulator = await TestCredentials.StartAsync();
        simulator.Acs.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 3));
        simulator.Acs.Faults.Enqueue(Fault.ServerError(500));

        var (throttled, throttledJson) = await AcsRequests.SendAsync(simulator.BaseUri, AcsRequests.Body(Mobile));
        var (failed, failedJson) = await AcsRequests.SendAsync(simulator.BaseUri, AcsRequests.Body(Mobile));
        var (accepted, _) = await AcsRequests.SendAsync(simulator.BaseUri, AcsRequests.Body(Mobile));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(JsonValueKind.String, throttledJson.GetProperty("error").GetProperty("code").ValueKind);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(JsonValueKind.String, failedJson.GetProperty("error").GetProperty("message").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Single(simulator.Acs.Accepted.Snapshot());
    }

    [Fact]
    public async Task Acs_accept_then_drop_then_a_retry_with_the_same_repeatability_id_gets_the_original_message()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        simulator.Acs.EventGridWebhook = receiver.Url("acs/events");
        simulator.Acs.Faults.Enqueue(Fault.AcceptThenDrop());
        var body = AcsRequests.Body(Mobile, repeatabilityId: "b7f9c1f0-0000-4000-8000-000000000002");

        await Assert.ThrowsAsync<HttpRequestException>(() => AcsRequests.SendAsync(simulator.BaseUri, body));
        var (retry, json) = await AcsRequests.SendAsync(simulator.BaseUri, body);
        await simulator.Acs.WhenDeliveryReportsDoneAsync();

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var accepted = Assert.Single(simulator.Acs.Accepted.Snapshot());
        Assert.Equal(accepted.MessageId, json.GetProperty("value")[0].GetProperty("messageId").GetString());
        Assert.Single(simulator.Acs.DuplicateRequests.Snapshot());
        Assert.Single(receiver.All);
    }
}
