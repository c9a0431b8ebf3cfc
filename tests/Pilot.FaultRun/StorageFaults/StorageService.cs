namespace Pilot.FaultRun.StorageFaults;

/// <summary>The three Azure Storage services Azurite serves on ports of their own.</summary>
public enum StorageService
{
    Tables,
    Queues,
    Blobs,
}
