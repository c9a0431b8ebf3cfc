using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pilot.ProviderSimulators;
using Pilot.Shared.Sms;

namespace Pilot.Bench;

/// <summary>
/// Sends per second through each real gateway (Twilio SDK, ACS REST client, each behind its Polly
/// pipeline) over loopback HTTP to the provider simulator, with the rate limiter set out of the way.
/// </summary>
internal static class GatewayBench
{
    private const string Sid = "AC00000000000000000000000000000bench";
    private const string Token = "bench-token";
    private static readonly string AcsKey = Convert.ToBase64String("bench-acs-key-0123456789"u8.ToArray());

    public static async Task RunAsync(int count)
    {
        await using var simulator = await ProviderSimulator.StartAsync(new SimulatorOptions(Sid, Token, AcsKey));
        simulator.Twilio.CallbacksEnabled = false;
        foreach (var provider in new[] { "twilio", "acs" })
        {
            var settings = BenchServices.Settings("gw" + provider);
            settings["Sms:Providers"] = provider;
            settings["Sms:PublicBaseUrl"] = "http://pilot.example";
            settings["Sms:Twilio:AccountSid"] = Sid;
            settings["Sms:Twilio:AuthToken"] = Token;
            settings["Sms:Twilio:From"] = "+447700900000";
            settings["Sms:Twilio:ApiBaseUrl"] = simulator.BaseUri.ToString();
            settings["Sms:Twilio:MessagesPerSecond"] = "100000";
            settings["Sms:Acs:ConnectionString"] = $"endpoint={simulator.BaseUri};accesskey={AcsKey}";
            settings["Sms:Acs:From"] = "+447700900001";
            settings["Sms:Acs:MessagesPerSecond"] = "100000";
            await using var services = BenchServices.Build(settings, TimeProvider.System);
            var gateway = services.GetRequiredService<ISmsGateway>();
            var bucket = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

            await gateway.SendAsync(new SmsMessage($"{bucket}-warmup-{provider}", "+447700900123", "Warm-up"), CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var sent = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var result = await gateway.SendAsync(new SmsMessage($"{bucket}-bench-{provider}-{i:D6}", "+447700900123", "Hi Amina, your Work-Focused Interview is tomorrow at 10:30."), ct);
                if (result.Status == SmsDeliveryStatus.Sent)
                {
                    Interlocked.Increment(ref sent);
                }
            });
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[gateways] {provider}: {sent:N0} of {count:N0} sent to the simulator in {clock.Elapsed.TotalSeconds:F1} s: {sent / clock.Elapsed.TotalSeconds:N0} sends/s (16 concurrent, loopback HTTP, Polly pipeline on)"));
        }
    }
}
