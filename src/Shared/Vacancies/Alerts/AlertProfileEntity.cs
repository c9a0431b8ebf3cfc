using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>
/// An opted-in parent as the alert timer reads them: PK <see cref="Areas.GeoGrid.ProfilePartition"/>
/// (reach band and map cell of their start point), RK parent id. No name or number: only what
/// matching needs.
/// </summary>
public sealed class AlertProfileEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The <see cref="Alerts.JobSearch"/> as JSON.</summary>
    public string JobSearch { get; set; } = "";

    public string ParentId => RowKey;

    public JobSearch Search() => JsonSerializer.Deserialize<JobSearch>(JobSearch, JsonDefaults.Web)
        ?? throw new InvalidOperationException($"Alert profile {RowKey} has no job search.");

    public ParentProfile ToProfile() => Search().ToProfile(RowKey, new GeoPoint(Latitude, Longitude));
}
