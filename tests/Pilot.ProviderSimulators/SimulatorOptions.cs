namespace Pilot.ProviderSimulators;

/// <summary>Credentials the simulated providers accept, and the clock they check and stamp with.</summary>
public sealed record SimulatorOptions(string TwilioAccountSid, string TwilioAuthToken, string AcsAccessKeyBase64)
{
    /// <summary>A fictional GOV.UK Notify API key (<c>{name}-{service id}-{secret}</c>); requests must carry a JWT made from it.</summary>
    public const string DefaultNotifyApiKey = "pilot_sim-4f0ad2b4-0c8b-4f6e-9a52-3f1d0b9c7e21-9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e";

    public string NotifyApiKey { get; init; } = DefaultNotifyApiKey;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Seed for the fault scripts' random rates, so a load run can be repeated.</summary>
    public int RandomSeed { get; init; } = 20_240_601;
}
