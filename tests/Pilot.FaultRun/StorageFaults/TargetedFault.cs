namespace Pilot.FaultRun.StorageFaults;

/// <summary>What a targeted fault does to the requests it matches.</summary>
public enum TargetedFaultKind
{
    /// <summary>Answered 503 <c>ServerBusy</c> without reaching Azurite.</summary>
    FailBefore,

    /// <summary>Forwarded to Azurite (the write happens), then the connection is dropped: the caller does not know.</summary>
    AppliedThenDropped,
}

/// <summary>
/// A fault aimed at one step: the next <see cref="Times"/> requests with <see cref="Method"/> whose path contains
/// <see cref="PathContains"/> (e.g. <c>POST</c> and <c>/WfiInvitations</c>) get <see cref="Kind"/>, so a regression
/// test can reproduce a failure at exactly the write it is about; the first <see cref="Skip"/> matching requests pass
/// untouched (the second write of a row, not its first).
/// </summary>
public sealed record TargetedFault(string Method, string PathContains, TargetedFaultKind Kind, int Times = 1, int Skip = 0);
