namespace Pilot.FaultRun.StorageFaults;

/// <summary>What the proxy did to one service's requests.</summary>
public sealed record ServiceFaultCounts(int Requests, int FailedBefore, int AppliedThenFailed, int DuringOutage);
