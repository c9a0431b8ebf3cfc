using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pilot.ProviderSimulators.Tests.Support;

/// <summary>Hand-built ACS send requests, signed as the service expects (or deliberately not).</summary>
internal static class AcsRequests
{
    public static object Body(string to, string? repeatabilityId = null, string message = "Hello", params string[] more) => new
    {
        from = "+447700900001",
        message,
        smsRecipients = new[] { to }.Concat(more).Select((number, i) => new
        {
            to = number,
            repeatabilityRequestId = repeatabilityId is null ? Guid.NewGuid().ToString() : i == 0 ? repeatabilityId : repeatabilityId + "-" + i,
            repeatabilityFirstSent = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture),
        }),
        smsSendOptions = new { enableDeliveryReport = true, tag = "reminder" },
    };

    public static async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(
        Uri baseUri,
        object body,
        string key = TestCredentials.AcsKey,
        DateTimeOffset? date = null,
        Func<string, string>? tamperBody = null)
    {
        var json = JsonSerializer.Serialize(body);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var pathAndQuery = "/sms?api-version=2021-03-07";
        var host = baseUri.Authority;
        var signedDate = (date ?? DateTimeOffset.UtcNow).ToString("r", CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(key), Encoding.UTF8.GetBytes($"POST\n{pathAndQuery}\n{signedDate};{host};{hash}")));

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, pathAndQuery))
        {
            Content = new StringContent(tamperBody?.Invoke(json) ?? json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-ms-date", signedDate);
        request.Headers.Add("x-ms-content-sha256", hash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, document.RootElement.Clone());
    }
}
