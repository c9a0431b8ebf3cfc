using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pilot.IntegrationTests.EndToEnd;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Outbound;
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

        var delivered = await http.SendAsync(StatusCallback(messageId, "delivered"));
        var late = await http.SendAsync(StatusCallback(messageId, "sent"));
        var unknown = await http.SendAsync(StatusCallback("202603031000-nobody-v1-confirmation", "delivered"));

        Assert.All([delivered, late, unknown], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var text = await ConfirmationAsync(runner, appointmentId);
        Assert.Equal(TextStates.Delivered, text.State);
        Assert.NotNull(text.CompletedAt);
    }

    [Fact]
    public async Task A_replayed_twilio_status_callback_is_refused_and_changes_nothing()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var (appointmentId, messageId) = await ConfirmationWithProviderAsync(runner);

        var sent = await http.SendAsync(StatusCallback(messageId, "sent"));
        var sentAgain = await http.SendAsync(StatusCallback(messageId, "sent"));
        var delivered = await http.SendAsync(StatusCallback(messageId, "delivered"));
        var deliveredAgain = await http.SendAsync(StatusCallback(messageId, "delivered"));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await AssertReplayAsync(sentAgain, "MessageSid");
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode); // a new status for the same message is a new delivery
        await AssertReplayAsync(deliveredAgain, "MessageSid");
        Assert.Equal(TextStates.Delivered, (await ConfirmationAsync(runner, appointmentId)).State);
    }

    [Fact]
    public async Task A_status_callback_about_a_sent_text_is_remembered_on_the_text_and_one_about_an_unknown_text_in_webhook_receipts()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var (_, messageId) = await ConfirmationWithProviderAsync(runner);
        var receiptsTable = await runner.Services.GetRequiredService<StorageClients>().TableAsync(TableNames.WebhookReceipts);
        async Task<int> ReceiptRowsAsync() => await receiptsTable.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 100).CountAsync();
        const string nobody = "202603031000-nobody-v1-confirmation";

        var delivered = await http.SendAsync(StatusCallback(messageId, "delivered"));
        var late = await http.SendAsync(StatusCallback(messageId, "sent"));
        var rowsAfterKnownText = await ReceiptRowsAsync();
        var lateAgain = await http.SendAsync(StatusCallback(messageId, "sent"));
        var unknown = await http.SendAsync(StatusCallback(nobody, "delivered"));
        var unknownAgain = await http.SendAsync(StatusCallback(nobody, "delivered"));

        Assert.All([delivered, late, unknown], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertReplayAsync(lateAgain, "MessageSid");
        await AssertReplayAsync(unknownAgain, "MessageSid");
        Assert.True(TextRef.TryParseMessageId(messageId, out var reference));
        var text = (await runner.Services.GetRequiredService<TextStore>().GetAsync(reference, CancellationToken.None))!;
        Assert.Equal(TextStates.Delivered, text.State); // the late "sent" moved nothing, and is remembered all the same
        Assert.Equal(["twilio|SM0123456789abcdef0123456789abcdef|delivered", "twilio|SM0123456789abcdef0123456789abcdef|sent"], text.Receipts!.Split('\n'));
        Assert.Equal(0, rowsAfterKnownText); // no second record of a delivery about a known text
        Assert.Equal(1, await ReceiptRowsAsync()); // the unknown text's
    }

    [Fact]
    public async Task A_replayed_twilio_stop_is_refused_and_does_not_undo_a_later_start()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var parentId = await RegisterAsync(runner);
        Dictionary<string, string> Inbound(string sid, string body) => new() { ["MessageSid"] = sid, ["From"] = "+447700900123", ["To"] = "+447700900001", ["Body"] = body };

        var stop = await http.SendAsync(TwilioTestSigner.Request("/api/sms/twilio/inbound", Inbound("SM-stop", "STOP")));
        var start = await http.SendAsync(TwilioTestSigner.Request("/api/sms/twilio/inbound", Inbound("SM-start", "START")));
        var replayed = await http.SendAsync(TwilioTestSigner.Request("/api/sms/twilio/inbound", Inbound("SM-stop", "STOP")));

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        await AssertReplayAsync(replayed, "MessageSid");
        Assert.Null((await runner.Services.GetRequiredService<ParentStore>().GetAsync(parentId, CancellationToken.None))!.OptedOutAt);
        Assert.Equal(2, (await Outbox.AllAsync(runner.Services.GetRequiredService<StorageClients>())).Count); // one answer each to STOP and START
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
    public async Task Twilio_inbound_stop_answers_empty_twiml_opts_the_parent_out_and_a_replay_is_refused_without_a_second_reply()
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
        await AssertReplayAsync(repeated, "MessageSid");
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
        var report = await PostEventsAsync(http, DeliveryReport("report-1", DateTimeOffset.UtcNow, messageId, "Delivered"));
        var withoutKey = await http.PostAsync("sms/acs/events", new StringContent("[]", Encoding.UTF8, "application/json"));
        var wrongKey = await http.PostAsync("sms/acs/events?code=guess", new StringContent(DeliveryReport("report-2", DateTimeOffset.UtcNow, messageId, "Delivered"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (await handshake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validationResponse").GetString());
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = await ConfirmationAsync(runner, appointmentId);
        Assert.Equal(TextStates.Delivered, text.State);
        Assert.Equal(HttpStatusCode.Forbidden, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.StatusCode);
    }

    [Fact]
    public async Task Replayed_and_stale_event_grid_events_are_refused_and_change_nothing()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var parentId = await RegisterAsync(runner);
        var consents = runner.Services.GetRequiredService<ParentStore>();
        var stop = InboundEvent("evt-stop", DateTimeOffset.UtcNow, "in-stop", "STOP");
        var start = InboundEvent("evt-start", DateTimeOffset.UtcNow, "in-start", "START");

        var first = await PostEventsAsync(http, $"[{stop}]");
        var resumed = await PostEventsAsync(http, $"[{start}]");
        var replayedStop = await PostEventsAsync(http, $"[{stop}]");
        var staleStop = await PostEventsAsync(http, $"[{InboundEvent("evt-old", DateTimeOffset.UtcNow.AddDays(-2), "in-old", "STOP")}]");
        var mixed = await PostEventsAsync(http, $"[{stop},{InboundEvent("evt-new", DateTimeOffset.UtcNow, "in-new", "when is my appointment?")}]");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        await AssertReplayAsync(replayedStop, "[0].id");
        await AssertReplayAsync(staleStop, "[0].id");
        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode); // the new event is taken, the replayed one skipped
        var history = await consents.ConsentHistoryAsync(parentId, CancellationToken.None);
        Assert.Single(history, c => c.Consent == ParentConsents.OptOut && c.Given);
        Assert.Null((await consents.GetAsync(parentId, CancellationToken.None))!.OptedOutAt); // the START stands: the replayed STOP did not undo it
    }

    [Fact]
    public async Task While_the_event_grid_key_is_rotated_both_keys_are_accepted_and_no_other()
    {
        await using var runner = await LocalRunnerHost.StartAsync("hookrotate", new Dictionary<string, string?> { ["Sms:Acs:EventGridKey"] = "new-key, old-key" });
        using var http = Client(runner);
        StringContent Events(string id) => new($"[{InboundEvent(id, DateTimeOffset.UtcNow, "in-" + id, "hello")}]", Encoding.UTF8, "application/json");

        var withNew = await http.PostAsync("sms/acs/events?code=new-key", Events("r1"));
        var withOld = await http.PostAsync("sms/acs/events?code=old-key", Events("r2"));
        var withBoth = await http.PostAsync("sms/acs/events?code=new-key,%20old-key", Events("r3"));
        var withOther = await http.PostAsync("sms/acs/events?code=other-key", Events("r4"));

        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withBoth.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withOther.StatusCode);
    }

    [Fact]
    public async Task With_no_event_grid_key_configured_every_event_grid_call_is_refused()
    {
        await using var runner = await LocalRunnerHost.StartAsync("hooknokey", new Dictionary<string, string?> { ["Sms:Acs:EventGridKey"] = "" });
        using var http = Client(runner);

        var anyCode = await http.PostAsync("sms/acs/events?code=", new StringContent($"[{InboundEvent("evt-1", DateTimeOffset.UtcNow, "in-1", "STOP")}]", Encoding.UTF8, "application/json"));
        var noCode = await http.PostAsync("sms/acs/events", new StringContent("[]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, anyCode.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noCode.StatusCode);
    }

    [Fact]
    public async Task An_unresolved_key_vault_reference_as_the_event_grid_key_accepts_no_caller_not_even_one_sending_the_literal()
    {
        // The start-up check stops a host with this setting; the webhook refuses on its own as well.
        const string literal = "@Microsoft.KeyVault(SecretUri=https://kv-pilot-abc123.vault.azure.net/secrets/acs-eventgrid-key)";
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:Acs:EventGridKey"] = literal });
        var body = Encoding.UTF8.GetBytes($"[{InboundEvent("evt-kv", DateTimeOffset.UtcNow, "in-kv", "STOP")}]");

        var outcome = await services.Get<AcsEventGridWebhook>().HandleAsync(body, literal, CancellationToken.None);

        Assert.Equal(WebhookOutcome.Forbidden, outcome);
    }

    [Fact]
    public async Task A_malformed_event_grid_body_is_refused_naming_the_field_and_nothing_is_applied()
    {
        await using var runner = await StartRunnerAsync();
        using var http = Client(runner);
        var parentId = await RegisterAsync(runner);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        var notJson = await PostEventsAsync(http, "[{");
        var noType = await PostEventsAsync(http, """[{"id":"1","data":{}}]""");
        var noFrom = await PostEventsAsync(http, $$$"""
            [{"id":"e1","eventTime":"{{{now}}}","eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-1","From":"+447700900123","Message":"STOP"}},
             {"id":"e2","eventTime":"{{{now}}}","eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-2","Message":"STOP"}}]
            """);
        var noId = await PostEventsAsync(http, $$$"""
            [{"eventTime":"{{{now}}}","eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-4","From":"+447700900123","Message":"STOP"}}]
            """);
        var noTime = await PostEventsAsync(http, """
            [{"id":"e5","eventType":"Microsoft.Communication.SMSReceived","data":{"MessageId":"in-5","From":"+447700900123","Message":"STOP"}}]
            """);
        var acsStop = await PostEventsAsync(http, $"[{InboundEvent("e3", DateTimeOffset.UtcNow, "in-3", "please stop texting me")}]");

        await AssertFieldAsync(notJson, "body");
        await AssertFieldAsync(noType, "[0].eventType");
        await AssertFieldAsync(noFrom, "[1].data.from");
        await AssertFieldAsync(noId, "[0].id");
        await AssertFieldAsync(noTime, "[0].eventTime");
        Assert.Equal(HttpStatusCode.OK, acsStop.StatusCode);
        var changes = await runner.Services.GetRequiredService<ParentStore>().ConsentHistoryAsync(parentId, CancellationToken.None);
        Assert.Equal("sms-acs", Assert.Single(changes, c => c.Consent == ParentConsents.OptOut).Channel);
    }

    private static string InboundEvent(string id, DateTimeOffset at, string messageId, string message)
    {
        var stamp = at.ToString("O", CultureInfo.InvariantCulture);
        return $$$"""
            {"id":"{{{id}}}","eventTime":"{{{stamp}}}","eventType":"Microsoft.Communication.SMSReceived","dataVersion":"1.0","metadataVersion":"1",
             "data":{"MessageId":"{{{messageId}}}","From":"+447700900123","To":"+447700900001","Message":"{{{message}}}","ReceivedTimestamp":"{{{stamp}}}"}}
            """;
    }

    private static string DeliveryReport(string id, DateTimeOffset at, string messageId, string status)
    {
        var stamp = at.ToString("O", CultureInfo.InvariantCulture);
        return $$$"""
            [{"id":"{{{id}}}","topic":"/subscriptions/x/providers/Microsoft.Communication/CommunicationServices/pilot","subject":"/phonenumber/447700900001",
              "eventType":"Microsoft.Communication.SMSDeliveryReportReceived","eventTime":"{{{stamp}}}","dataVersion":"1.0","metadataVersion":"1",
              "data":{"MessageId":"Outgoing_20260303_abc","From":"+447700900001","To":"+447700900123","DeliveryStatus":"{{{status}}}",
                      "DeliveryStatusDetails":"No error.","ReceivedTimestamp":"{{{stamp}}}","Tag":"{{{messageId}}}"}}]
            """;
    }

    private static async Task AssertReplayAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
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

    private static HttpClient Client(Microsoft.AspNetCore.Builder.WebApplication runner) => LocalRunnerHost.Client(runner, RoleKeys.Office(RoleKeys.Lambeth));

    private static async Task<string> RegisterAsync(WebApplication runner)
    {
        var outcome = await runner.Services.GetRequiredService<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest("Amina", "07700 900123", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "en", new ConsentsRequest(true)),
            CancellationToken.None);
        return outcome.Value!.Id;
    }

    /// <summary>Books an appointment and waits until its confirmation is with the "provider" (state sent), as a real one leaves it.</summary>
    private static async Task<(string AppointmentId, string MessageId)> ConfirmationWithProviderAsync(WebApplication runner)
    {
        var parentId = await RegisterAsync(runner);
        var startsAt = Pilot.IntegrationTests.WfiInvitations.WfiScenario.OpenFrom(Scenario.Centre, DateTimeOffset.UtcNow.AddHours(3)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var booked = await runner.Services.GetRequiredService<AppointmentBooking>().BookAsync(
            RoleKeys.LambethOffice,
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
        => (await runner.Services.GetRequiredService<AppointmentBooking>().GetAsync(RoleKeys.LambethOffice, appointmentId, CancellationToken.None)).Value!.Texts.Single(t => t.Kind == "confirmation");

    // In-process: the gateway that answers "accepted, receipt to follow" replaces one of the app's services, which a
    // separate worker process would not see.
    private static Task<WebApplication> StartRunnerAsync() => LocalRunnerHost.StartInProcessAsync(
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
