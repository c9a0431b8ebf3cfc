namespace Pilot.ProviderSimulators.Notify;

/// <summary>A precompiled letter the simulated Notify accepted.</summary>
public sealed record NotifyLetter(string Id, string Reference, string Postage, byte[] Pdf, int PageCount, DateTimeOffset ReceivedAt);
