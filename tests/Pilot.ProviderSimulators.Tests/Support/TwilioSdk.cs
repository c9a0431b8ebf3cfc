using Twilio.Clients;
using Twilio.Http;

namespace Pilot.ProviderSimulators.Tests.Support;

/// <summary>Twilio's own client, pointed at the simulator by rewriting the fixed api.twilio.com host.</summary>
internal static class TwilioSdk
{
    public static TwilioRestClient Client(ProviderSimulator simulator, string token = TestCredentials.AuthToken) =>
        new(
            TestCredentials.AccountSid,
            token,
            httpClient: new SystemNetHttpClient(new System.Net.Http.HttpClient(new RewriteHostHandler(simulator.BaseUri))));
}
