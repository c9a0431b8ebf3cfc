using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pilot.ProviderSimulators.Tests.Support;
using Pilot.ProviderSimulators.Twilio;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;

namespace Pilot.ProviderSimulators.Tests.Twilio;

/// <summary>Twilio's own SDK against the simulator: if the SDK is happy, the wire format is Twilio's.</summary>
public sealed class TwilioSdkTests
{
    private const string Mobile = "+447700900123";
    private const string Sender = "+447700900001";

    [Fact]
    public async Task Sdk_send_is_accepted_and_the_sdk_parses_sid_status_and_segments()
    {
        await using var simulator = await TestCredentials.StartAsync();

        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile),
            from: new PhoneNumber(Sender),
            body: "Hi Sam, your appointment is on Tue 3 Mar at 10:30.",
            client: TwilioSdk.Client(simulator));

        Assert.Matches("^SM[0-9a-f]{32}$", message.Sid);
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
        Assert.Equal("1", message.NumSegments);
        Assert.Equal(TestCredentials.AccountSid, message.AccountSid);
        Assert.Equal(MessageResource.DirectionEnum.OutboundApi, message.Direction);
        Assert.NotNull(message.DateCreated);
        var accepted = Assert.Single(simulator.Twilio.Accepted);
        Assert.Equal(message.Sid, accepted.Sid);
        Assert.Equal(Mobile, accepted.To);

        var request = Assert.Single(simulator.Twilio.Requests.Snapshot());
        Assert.Equal($"/2010-04-01/Accounts/{TestCredentials.AccountSid}/Messages.json", request.Path);
        Assert.Equal(201, request.ResponseStatus);
        Assert.Equal(Mobile, request.Form!["To"]);
        Assert.StartsWith("Basic ", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(160, "a", "1")]
    [InlineData(161, "a", "2")]
    [InlineData(70, "ł", "1")]
    [InlineData(71, "ł", "2")]
    [InlineData(135, "ł", "3")]
    public async Task Segments_are_counted_as_gsm7_or_ucs2_fragments(int length, string character, string expected)
    {
        await using var simulator = await TestCredentials.StartAsync();

        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile),
            from: new PhoneNumber(Sender),
            body: string.Concat(Enumerable.Repeat(character, length)),
            client: TwilioSdk.Client(simulator));

        Assert.Equal(expected, message.NumSegments);
    }

    [Fact]
    public async Task Wrong_token_makes_the_sdk_throw_20003()
    {
        await using var simulator = await TestCredentials.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile), from: new PhoneNumber(Sender), body: "x",
            client: TwilioSdk.Client(simulator, token: "ffffffffffffffffffffffffffffffff")));

        Assert.Equal(20003, error.Code);
        Assert.Equal(401, error.Status);
        Assert.Empty(simulator.Twilio.Accepted);
        Assert.Equal(401, Assert.Single(simulator.Twilio.Requests.Snapshot()).ResponseStatus);
    }

    [Theory]
    [InlineData("+441632960000", 21614)]
    [InlineData("+442079460000", 21614)]
    [InlineData("07700900123", 21211)]
    [InlineData("+44 7700 900123", 21211)]
    public async Task Numbers_twilio_refuses_give_its_error_codes(string to, int code)
    {
        await using var simulator = await TestCredentials.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(
            to: new PhoneNumber(to), from: new PhoneNumber(Sender), body: "x", client: TwilioSdk.Client(simulator)));

        Assert.Equal(code, error.Code);
        Assert.Equal(400, error.Status);
        Assert.Empty(simulator.Twilio.Accepted);
    }

    [Fact]
    public async Task Opted_out_number_gives_21610_until_opted_in()
    {
        await using var simulator = await TestCredentials.StartAsync();
        simulator.Twilio.OptOut(Mobile);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile), from: new PhoneNumber(Sender), body: "x", client: TwilioSdk.Client(simulator)));
        Assert.Equal(21610, error.Code);

        simulator.Twilio.OptIn(Mobile);
        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile), from: new PhoneNumber(Sender), body: "x", client: TwilioSdk.Client(simulator));
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
    }

    [Fact]
    public async Task Missing_body_gives_21602()
    {
        await using var simulator = await TestCredentials.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{TestCredentials.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = Mobile, ["From"] = Sender }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestCredentials.AccountSid}:{TestCredentials.AuthToken}")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":21602", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_callbacks_are_signed_so_the_sdk_request_validator_accepts_them_and_not_a_tampered_one()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();

        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile),
            from: new PhoneNumber(Sender),
            body: "x",
            statusCallback: receiver.Url("twilio/status?text=20260303-abc"),
            client: TwilioSdk.Client(simulator));
        await simulator.Twilio.WhenCallbacksDoneAsync();

        var callbacks = receiver.All;
        Assert.Equal(["sent", "delivered"], callbacks.Select(c => c.Form["MessageStatus"]));
        var validator = new RequestValidator(TestCredentials.AuthToken);
        foreach (var callback in callbacks)
        {
            Assert.Equal(message.Sid, callback.Form["MessageSid"]);
            Assert.Equal(message.Sid, callback.Form["SmsSid"]);
            Assert.Equal(TestCredentials.AccountSid, callback.Form["AccountSid"]);
            Assert.Equal("2010-04-01", callback.Form["ApiVersion"]);
            Assert.True(validator.Validate(callback.Url, callback.Form, callback.Headers["X-Twilio-Signature"]));

            var tampered = new Dictionary<string, string>(callback.Form) { ["MessageStatus"] = "failed" };
            Assert.False(validator.Validate(callback.Url, tampered, callback.Headers["X-Twilio-Signature"]));
            Assert.False(new RequestValidator("another-token").Validate(callback.Url, callback.Form, callback.Headers["X-Twilio-Signature"]));
        }

        var fetched = await MessageResource.FetchAsync(message.Sid, client: TwilioSdk.Client(simulator));
        Assert.Equal(MessageResource.StatusEnum.Delivered, fetched.Status);
        Assert.NotNull(fetched.DateSent);
    }

    [Fact]
    public async Task Per_number_rule_makes_a_message_undelivered_with_its_error_code()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        simulator.Twilio.SetDeliveryOutcome(Mobile, TwilioDeliveryOutcome.Undelivered(30003));

        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile), from: new PhoneNumber(Sender), body: "x",
            statusCallback: receiver.Url("status"), client: TwilioSdk.Client(simulator));
        await simulator.Twilio.WhenCallbacksDoneAsync();

        Assert.Equal(["sent", "undelivered"], receiver.All.Select(c => c.Form["MessageStatus"]));
        Assert.Equal("30003", receiver.All[1].Form["ErrorCode"]);
        Assert.False(receiver.All[0].Form.ContainsKey("ErrorCode"));
        var fetched = await MessageResource.FetchAsync(message.Sid, client: TwilioSdk.Client(simulator));
        Assert.Equal(MessageResource.StatusEnum.Undelivered, fetched.Status);
        Assert.Equal(30003, fetched.ErrorCode);
    }

    [Fact]
    public async Task No_callbacks_when_disabled_but_the_status_still_moves_on()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        simulator.Twilio.CallbacksEnabled = false;

        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(Mobile), from: new PhoneNumber(Sender), body: "x",
            statusCallback: receiver.Url("status"), client: TwilioSdk.Client(simulator));
        await simulator.Twilio.WhenCallbacksDoneAsync();

        Assert.Empty(receiver.All);
        Assert.Equal("delivered", simulator.Twilio.Find(message.Sid)!.Status);
    }

    [Fact]
    public async Task Sdk_list_by_recipient_and_date_sent_finds_the_message_a_gateway_checks_for()
    {
        await using var simulator = await TestCredentials.StartAsync();
        var client = TwilioSdk.Client(simulator);
        var wanted = await MessageResource.CreateAsync(to: new PhoneNumber(Mobile), from: new PhoneNumber(Sender), body: "x", client: client);
        await MessageResource.CreateAsync(to: new PhoneNumber("+447700900999"), from: new PhoneNumber(Sender), body: "y", client: client);
        await simulator.Twilio.WhenCallbacksDoneAsync();

        var found = await MessageResource.ReadAsync(
            to: new PhoneNumber(Mobile), dateSentAfter: DateTime.UtcNow.Date, client: client);
        var tomorrow = await MessageResource.ReadAsync(
            to: new PhoneNumber(Mobile), dateSentAfter: DateTime.UtcNow.Date.AddDays(1), client: client);

        Assert.Equal(wanted.Sid, Assert.Single(found).Sid);
        Assert.Empty(tomorrow);
        var list = simulator.Twilio.Requests.Snapshot()[^1];
        Assert.Equal("GET", list.Method);
        Assert.Contains("DateSent%3E=", list.QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_of_an_unknown_sid_gives_20404()
    {
        await using var simulator = await TestCredentials.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            MessageResource.FetchAsync("SM00000000000000000000000000000000", client: TwilioSdk.Client(simulator)));

        Assert.Equal(20404, error.Code);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Inbound_webhook_is_signed_and_the_twiml_answer_comes_back()
    {
        await using var simulator = await TestCredentials.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        });

        var answer = await simulator.Twilio.SendInboundAsync(receiver.Url("twilio/inbound"), Mobile, Sender, "STOP");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/xml", answer.ContentType);
        Assert.EndsWith("<Response/>", answer.Body, StringComparison.Ordinal);
        var inbound = Assert.Single(receiver.All);
        Assert.Equal("STOP", inbound.Form["Body"]);
        Assert.Equal(Mobile, inbound.Form["From"]);
        Assert.Equal("0", inbound.Form["NumMedia"]);
        Assert.Matches("^SM[0-9a-f]{32}$", inbound.Form["MessageSid"]);
        Assert.True(new RequestValidator(TestCredentials.AuthToken).Validate(inbound.Url, inbound.Form, inbound.Headers["X-Twilio-Signature"]));
        Assert.Single(simulator.Twilio.Webhooks.Snapshot());
    }
}
