using Pilot.IntegrationTests.EndToEnd;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms;
using Pilot.Shared.Storage;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Sms;

/// <summary>The provider webhooks over HTTP through the local runner, signed as the providers sign them.</summary>
public sealed class WebhookHttpTests
{
    private const string EventGridKey = "event-grid-test-key";

    [Fact]
    public async Task A_status_callback_moves_a_text_to_delivered_and_a_late_sent_changes_nothing()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var (appointmentId, messageId) = await ConfirmationWithProviderAsync(runner);

        var sent = await http.SendAsync(StatusCallback(messageId, "sent"));
        var delivered = await http.SendAsync(StatusCallback(messageId, "delivered"));
        var late = await http.SendAsync(StatusCallback(messageId, "sent"));
        var unknown = await http.SendAsync(StatusCallback("202603031000-nobody-v1-confirmation", "delivered"));

        Assert.All([sent, delivered, late, unknown], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var text = await ConfirmationAsync(runner, appointmentId);
        Assert.Equal(TextStates.Delivered, text.State);
        Assert.NotNull(text.CompletedAt);
    }

    [Fact]
    public async Task Forged_and_unsigned_callbacks_are_refused_and_change_nothing()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var (appointmentId, messageId) = await ConfirmationWithProviderAsync(runner);
        var path = $"/api/sms/twilio/status?messageId={messageId}";
        var form = Form("failed", "30008");

        var unsigned = await http.SendAsync(TwilioTestSigner.Request(path, form, withSignature: false));
        var forged = await http.SendAsync(TwilioTestSigner.Request(path, form, TwilioTestSigner.Sign(TwilioTestSigner.PublicBaseUrl + path, form, "not-our-token")));
        var otherHost = await http.SendAsync(TwilioTestSigner.Request(path, form, TwilioTestSigner.Sign("https://attacker.example" + path, form)));
        var inbound = await http.SendAsync(TwilioTestSigner.Request("/api/sms/twilio/inbound", new Dictionary<string, string> { ["From"] = "+447700900123", ["Body"] = "STOP", ["MessageSid"] = "SMforged" }, "bm90IGEgc2lnbmF0dXJl"));

        Assert.All([unsigned, forged, otherHost, inbound], r =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(TextStates.Sent, (await ConfirmationAsync(runner, appointmentId)).State);
        Assert.Single(await Outbox.AllAsync(runner.Services.GetRequiredService<StorageClients>())); // just the confirmation
    }

    [Fact]
    public async Task Twilio_inbound_stop_answers_empty_twiml_and_opts_the_parent_out()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var parentId = await RegisterAsync(runner);
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM11111111111111111111111111111111",
            ["AccountSid"] = "AC11111111111111111111111111111111",
            ["From"] = "+447700900123",
            ["To"] = "+447700900001",
            ["Body"] = "Stop",
            ["NumMedia"] = "0",
        };

        var response = await http.SendAsync(TwilioTestSigner.Request("/api/sms/twilio/inbound", form));
        var repeated = await http.SendAsync(TwilioTestSigner.Request("/api/sms/twilio/inbound", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.NotNull((await runner.Services.GetRequiredService<ParentStore>().GetAsync(parentId, CancellationToken.None))!.OptedOutAt);
        var reply = Assert.Single(await Outbox.AllAsync(runner.Services.GetRequiredService<StorageClients>()));
        Assert.Equal(Pilot.Shared.Sms.Inbound.InboundReplies.OptedOut("en"), reply.GetString("Body")); // no booking yet, so no centre phone
        Assert.DoesNotContain(TestLog.Lines, line => line.Contains("7700900123", StringComparison.Ordinal) || line.Contains("7700 900123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_grid_handshake_is_answered_and_an_acs_delivery_report_is_applied()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var (appointmentId, messageId) = await ConfirmationWithProviderAsync(runner);

        var handshake = await PostEventsAsync(http, """
            [{"id":"1","topic":"/subscriptions/x","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
              "eventTime":"2026-03-03T09:00:00Z","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://example"},"dataVersion":"1","metadataVersion":"1"}]
            """);
        var report = await PostEventsAsync(http, $$$"""
            [{"id":"2","topic":"/subscriptions/x/providers/Microsoft.Communication/CommunicationServices/pilot","subject":"/phonenumber/447700900001",
              "eventType":"Microsoft.Communication.SMSDeliveryReportReceived","eventTime":"2026-03-03T09:01:00Z","dataVersion":"1.0","metadataVersion":"1",
              "data":{"MessageId":"Outgoing_20260303_abc","From":"+447700900001","To":"+447700900123","DeliveryStatus":"Delivered",
                      "DeliveryStatusDetails":"No error.","ReceivedTimestamp":"2026-03-03T09:01:00Z","Tag":"{{{messageId}}}"}}]
            """);
        var withoutKey = await http.PostAsync("sms/acs/events", new StringContent("[]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (await handshake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validationResponse").GetString());
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = await ConfirmationAsync(runner, appointmentId);
        Assert.Equal(TextStates.Delivered, text.State);
        Assert.Equal(HttpStatusCode.Forbidden, withoutKey.StatusCode);
    }

    [Fact]
    public async Task A_malformed_event_grid_body_is_refused_naming_the_field_and_nothing_is_applied()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var parentId = await RegisterAsync(runner);

        var notJson = await PostEventsAsync(http, "[{");
        var noType = await PostEventsAsync(http, """[{"id":"1","data":{}}]""");
        var noFrom = await PostEventsAsync(http, """
            [{"eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-1","From":"+447700900123","Message":"STOP"}},
             {"eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-2","Message":"STOP"}}]
            """);
        var acsStop = await PostEventsAsync(http, """
            [{"eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-3","From":"+447700900123","To":"+447700900001","Message":"please stop texting me","ReceivedTimestamp":"2026-03-03T09:05:00Z"}}]
            """);

        await AssertFieldAsync(notJson, "body");
        await AssertFieldAsync(noType, "[0].eventType");
        await AssertFieldAsync(noFrom, "[1].data.from");
        Assert.Equal(HttpStatusCode.OK, acsStop.StatusCode);
        var changes = await runner.Services.GetRequiredService<ParentStore>().ConsentHistoryAsync(parentId, CancellationToken.None);
        Assert.Equal("sms-acs", Assert.Single(changes, c => c.Consent == ParentConsents.OptOut).Channel);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    private static Task<HttpResponseMessage> PostEventsAsync(HttpClient http, string json)
        => http.PostAsync($"sms/acs/events?code={EventGridKey}", new StringContent(json, Encoding.UTF8, "application/json"));

    private static HttpRequestMessage StatusCallback(string messageId, string status, string? errorCode = null)
        => TwilioTestSigner.Request($"/api/sms/twilio/status?messageId={Uri.EscapeDataString(messageId)}", Form(status, errorCode));

    private static Dictionary<string, string> Form(string status, string? errorCode)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM0123456789abcdef0123456789abcdef",
            ["SmsSid"] = "SM0123456789abcdef0123456789abcdef",
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["MessageStatus"] = status,
            ["SmsStatus"] = status,
            ["To"] = "+447700900123",
            ["From"] = "+447700900001",
            ["ApiVersion"] = "2010-04-01",
        };
        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }

        return form;
    }

    private static HttpClient Client(Microsoft.AspNetCore.Builder.WebApplication runner) => Pilot.IntegrationTests.EndToEnd.LocalRunnerHost.Client(runner);

    private static async Task<string> RegisterAsync(WebApplication runner)
    {
        var outcome = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        return outcome.Value!.Id;
    }

    /// <summary>Books an appointment and waits until its confirmation is with the "provider" (state sent), as a real one leaves it.</summary>
    private static async Task<(string AppointmentId, string MessageId)> ConfirmationWithProviderAsync(WebApplication runner)
    {
        var parentId = await RegisterAsync(runner);
        var startsAt = DateTimeOffset.UtcNow.AddHours(3).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var booked = await runner.Services.GetRequiredService<AppointmentBooking>().BookAsync(
            new BookAppointmentRequest(parentId, "cc-lambeth-stockwell", startsAt, "wfi", "Priya S."), CancellationToken.None);
        var id = booked.Value!.Id;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await ConfirmationAsync(runner, id)).State != TextStates.Sent)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the confirmation was not sent within 30 s");
            await Task.Delay(100);
        }

        var appointment = await runner.Services.GetRequiredService<AppointmentStore>().GetAsync(id, CancellationToken.None);
        return (id, appointment!.GetTextRefs().Single(r => r.TextId.EndsWith("-confirmation", StringComparison.Ordinal)).MessageId);
    }

    private static async Task<TextView> ConfirmationAsync(WebApplication runner, string appointmentId)
        => (await runner.Services.GetRequiredService<AppointmentBooking>().GetAsync(appointmentId, CancellationToken.None)).Value!.Texts.Single(t => t.Kind == "confirmation");

    private static Task<WebApplication> StartRunnerAsync() => LocalRunnerHost.StartAsync(
        "hook",
        new Dictionary<string, string?>
        {
            ["Sms:PublicBaseUrl"] = TwilioTestSigner.PublicBaseUrl,
            ["Sms:Twilio:AuthToken"] = TwilioTestSigner.AuthToken,
            ["Sms:Acs:EventGridKey"] = EventGridKey,
        },
        builder => builder.Services.Replace(ServiceDescriptor.Singleton<ISmsGateway>(sp => new ReceiptLaterGateway(sp.GetRequiredService<OutboxSmsGateway>()))));

    /// <summary>Records in the outbox but answers like a real provider: accepted, the receipt to follow.</summary>
    private sealed class ReceiptLaterGateway(OutboxSmsGateway outbox) : ISmsGateway
    {
        public string Name => "twilio";

        public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
            => (await outbox.SendAsync(message, cancellationToken)) with { Provider = Name, Status = SmsDeliveryStatus.Sent, FailureReason = null };

        public async Task<SmsSendResult?> FindAsync(string messageId, CancellationToken cancellationToken)
            => await outbox.FindAsync(messageId, cancellationToken) is { } found ? found with { Provider = Name, Status = SmsDeliveryStatus.Sent, FailureReason = null } : null;
    }
}
