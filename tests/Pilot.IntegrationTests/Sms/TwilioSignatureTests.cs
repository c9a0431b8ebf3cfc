using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pilot.Shared.Sms.Inbound;
using Twilio.Security;

namespace Pilot.IntegrationTests.Sms;

public sealed class TwilioSignatureTests
{
    private static readonly Dictionary<string, string> Form = new(StringComparer.Ordinal)
    {
        ["MessageSid"] = "SM0123456789abcdef0123456789abcdef",
        ["MessageStatus"] = "delivered",
        ["To"] = "+447700900123",
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["ApiVersion"] = "2010-04-01",
    };

    [Fact]
    public void Our_test_signer_agrees_with_the_sdk_request_validator()
    {
        var url = TwilioTestSigner.PublicBaseUrl + "/api/sms/twilio/status?messageId=202603031000-abc-v1-confirmation";
        var signature = TwilioTestSigner.Sign(url, Form);

        Assert.True(new RequestValidator(TwilioTestSigner.AuthToken).Validate(url, Form, signature));
        Assert.False(new RequestValidator("another-token").Validate(url, Form, signature));
        Assert.False(new RequestValidator(TwilioTestSigner.AuthToken).Validate(url.Replace("messageId=2026", "messageId=2027", StringComparison.Ordinal), Form, signature));
    }

    [Fact]
    public void The_signature_is_checked_against_the_public_url_not_the_host_that_was_called()
    {
        var signer = Signer(TwilioTestSigner.PublicBaseUrl + "/");
        const string path = "/api/sms/twilio/status";
        const string query = "?messageId=x";
        var signature = TwilioTestSigner.Sign(TwilioTestSigner.PublicBaseUrl + path + query, Form);

        Assert.True(signer.IsValid(new TwilioWebhookRequest(path, query, Form, signature)));
        Assert.False(signer.IsValid(new TwilioWebhookRequest(path, "?messageId=y", Form, signature)));
        Assert.False(signer.IsValid(new TwilioWebhookRequest(path, query, Form, null)));
        Assert.False(signer.IsValid(new TwilioWebhookRequest(path, query, new Dictionary<string, string>(Form) { ["MessageStatus"] = "failed" }, signature)));
    }

    [Fact]
    public void Without_an_auth_token_every_webhook_is_refused()
    {
        var signer = new TwilioSignature(Options.Create(new WebhookOptions { PublicBaseUrl = TwilioTestSigner.PublicBaseUrl }), NullLogger<TwilioSignature>.Instance);
        var signature = TwilioTestSigner.Sign(TwilioTestSigner.PublicBaseUrl + "/api/sms/twilio/status", Form, "");

        Assert.False(signer.IsValid(new TwilioWebhookRequest("/api/sms/twilio/status", "", Form, signature)));
    }

    [Fact]
    public void An_unresolved_key_vault_reference_is_no_auth_token_even_for_a_request_signed_with_it()
    {
        const string literal = "@Microsoft.KeyVault(SecretUri=https://kv-pilot-abc123.vault.azure.net/secrets/twilio-auth-token)";
        var signer = new TwilioSignature(
            Options.Create(new WebhookOptions { PublicBaseUrl = TwilioTestSigner.PublicBaseUrl, Twilio = new WebhookOptions.TwilioWebhookOptions { AuthToken = literal } }),
            NullLogger<TwilioSignature>.Instance);
        var signature = TwilioTestSigner.Sign(TwilioTestSigner.PublicBaseUrl + "/api/sms/twilio/inbound", Form, literal);

        Assert.True(new RequestValidator(literal).Validate(TwilioTestSigner.PublicBaseUrl + "/api/sms/twilio/inbound", Form, signature));
        Assert.False(signer.IsValid(new TwilioWebhookRequest("/api/sms/twilio/inbound", "", Form, signature)));
    }

    private static TwilioSignature Signer(string baseUrl) => new(
        Options.Create(new WebhookOptions { PublicBaseUrl = baseUrl, Twilio = new WebhookOptions.TwilioWebhookOptions { AuthToken = TwilioTestSigner.AuthToken } }),
        NullLogger<TwilioSignature>.Instance);
}
