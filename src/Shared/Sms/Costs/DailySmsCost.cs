namespace Pilot.Shared.Sms.Costs;

/// <summary>What the texts of one London day cost: every text a provider accepted, by the day it fell due.</summary>
/// <param name="Date">The London date, yyyy-MM-dd.</param>
public sealed record DailySmsCost(
    string Date,
    int Messages,
    int Fragments,
    decimal Cost,
    string Currency,
    IReadOnlyDictionary<string, ProviderSmsCost> ByProvider);

/// <summary>One provider's share of a day.</summary>
public sealed record ProviderSmsCost(int Messages, int Fragments, decimal Cost);
