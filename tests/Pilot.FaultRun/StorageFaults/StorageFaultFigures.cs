namespace Pilot.FaultRun.StorageFaults;

/// <summary>What the storage proxy injected per service in a run, and what the outage showed.</summary>
public sealed record StorageFaultFigures(StorageFaultDose Dose, IReadOnlyDictionary<StorageService, ServiceFaultCounts> Counts, OutageFigures? Outage);
