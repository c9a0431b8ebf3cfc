namespace Pilot.Shared.Storage;

/// <summary>Where Pilot keeps its state. The connection comes from <c>AzureWebJobsStorage</c>, as in Functions.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Prepended to every table name; lets several test runs share one Azurite.</summary>
    public string TablePrefix { get; set; } = "";
}
