using System.Net.Http.Headers;
using System.Text;

namespace Pilot.ProviderSimulators.Tests.Support;

/// <summary>Hand-built Twilio create-message requests, for what the SDK hides (headers, transport errors).</summary>
internal static class TwilioRequests
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri baseUri, string to, string token = TestCredentials.AuthToken, Uri? statusCallback = null)
    {
        var form = new Dictionary<string, string> { ["To"] = to, ["From"] = "+447700900001", ["Body"] = "Hello" };
        if (statusCallback is not null)
        {
            form["StatusCallback"] = statusCallback.ToString();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, $"2010-04-01/Accounts/{TestCredentials.AccountSid}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestCredentials.AccountSid}:{token}")));
        return await http.SendAsync(request);
    }
}
