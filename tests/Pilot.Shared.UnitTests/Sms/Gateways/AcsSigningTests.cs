using System.Text;
using Pilot.Shared.Sms.Acs;

namespace Pilot.Shared.UnitTests.Sms.Gateways;

public sealed class AcsSigningTests
{
    private const string KeyBase64 = "c2VjcmV0LWtleS1mb3ItdGVzdHM="; // "secret-key-for-tests"
    private const string Body = """{"from":"+447700900000","message":"Hello"}""";

    // Computed outside .NET (Python hmac/hashlib) from the string to sign in domain.md.
    private const string ExpectedHash = "TGdKOU4ePloEQ+FJofUmKZg0qbAbAw+sj3TlWHv/3mE=";
    private const string ExpectedSignature = "H3l0wY60MgUvcx3uB35MIMUbngCXILL6SaUFQcEAMio=";

    [Fact]
    public void Signature_matches_an_independently_computed_vector_with_a_non_default_port()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://acs.example.com:8443/sms?api-version=2021-03-07");
        AcsRequestSigner.Sign(request, Encoding.UTF8.GetBytes(Body), Convert.FromBase64String(KeyBase64), new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal("Tue, 03 Mar 2026 09:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal(ExpectedHash, request.Headers.GetValues("x-ms-content-sha256").Single());
        Assert.Equal(
            $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={ExpectedSignature}",
            request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void String_to_sign_leaves_out_a_default_port()
    {
        var sts = AcsRequestSigner.StringToSign("POST", new Uri("https://acs.example.com/sms?api-version=2021-03-07"), "d", "h");
        Assert.Equal("POST\n/sms?api-version=2021-03-07\nd;acs.example.com;h", sts);
    }

    [Fact]
    public void Connection_string_gives_endpoint_and_key()
    {
        Assert.True(AcsConnectionString.TryParse($"endpoint=https://x.communication.azure.com/;accesskey={KeyBase64}", out var parsed));
        Assert.Equal(new Uri("https://x.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal("secret-key-for-tests", Encoding.UTF8.GetString(parsed.AccessKey));
        Assert.False(AcsConnectionString.TryParse("endpoint=https://x;accesskey=not base64!", out _));
    }
}
