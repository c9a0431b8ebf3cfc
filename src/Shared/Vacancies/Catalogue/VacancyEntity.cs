using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Vacancies.Matching;

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>
/// A vacancy as stored. The same columns are kept under three keys (see <see cref="VacancyStore"/>):
/// by ref, by map cell, and by the minute it arrived in the feed.
/// </summary>
public sealed class VacancyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Ref { get; set; } = "";

    public string Title { get; set; } = "";

    public string Employer { get; set; } = "";

    public string Postcode { get; set; } = "";

    /// <summary>The postcode's outward code ("SW9"): the area a text names.</summary>
    public string Area { get; set; } = "";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The advert's hours as written; always kept.</summary>
    public string HoursText { get; set; } = "";

    /// <summary>The weekly pattern (<see cref="PatternText"/>), from the structured pattern or clear text; null when unclear.</summary>
    public string? Hours { get; set; }

    /// <summary>Why the hours text could not be read, when it could not.</summary>
    public string? HoursUnclearBecause { get; set; }

    public double? HoursPerWeek { get; set; }

    public bool TermTimeOnly { get; set; }

    public double? SalaryMin { get; set; }

    public double? SalaryMax { get; set; }

    public string? SalaryPeriod { get; set; }

    public string Category { get; set; } = "";

    /// <summary>JSON array of lower-case words: the given keywords and the title's words.</summary>
    public string Keywords { get; set; } = "[]";

    /// <summary>The last London date it is open (yyyy-MM-dd).</summary>
    public string ExpiryDate { get; set; } = "";

    /// <summary>The end of <see cref="ExpiryDate"/> in London: from then on it never matches and is never texted.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public string? ApplyUrl { get; set; }

    public string? ApplyPhone { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Its catalogue cell (<see cref="Areas.GeoGrid.VacancyCell"/>), so an update can move it.</summary>
    public string Cell { get; set; } = "";

    public bool IsOpenAt(DateTimeOffset instant) => instant < ExpiresAt;

    public Vacancy ToMatching() => new(
        Ref,
        Title,
        new GeoPoint(Latitude, Longitude),
        Category,
        JsonSerializer.Deserialize<string[]>(Keywords) ?? [],
        Hours is null ? null : PatternText.Read(Hours),
        TermTimeOnly,
        HoursPerWeek);

    public VacancyEntity Copy(string partitionKey, string rowKey)
    {
        var copy = (VacancyEntity)MemberwiseClone();
        copy.PartitionKey = partitionKey;
        copy.RowKey = rowKey;
        copy.ETag = default;
        copy.Timestamp = null;
        return copy;
    }
}
