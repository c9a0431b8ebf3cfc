namespace Pilot.ProviderSimulators;

/// <summary>Credentials the simulated providers accept, and the clock they check and stamp with.</summary>
public sealed record SimulatorOptions(string TwilioAccountSid, string TwilioAuthToken, string AcsAccessKeyBase64)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Seed for the fault scripts' random rates, so a load run can be repeated.</summary>
    public int RandomSeed { get; init; } = 20_240_601;
}
