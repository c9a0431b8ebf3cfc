namespace Pilot.Shared.Storage;

/// <summary>
/// Whether a string from a request can be a PartitionKey or RowKey at all. Table storage refuses
/// '/', '\', '#', '?' and control characters in keys with an error; an id that could never have
/// been stored is simply not found.
/// </summary>
public static class TableKeys
{
    private const int MaxLength = 256;

    public static bool IsUsable(string? key) =>
        !string.IsNullOrEmpty(key)
        && key.Length <= MaxLength
        && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || char.IsSurrogate(c));
}
