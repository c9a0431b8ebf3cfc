using Azure;
using Azure.Data.Tables;

namespace Pilot.Shared.Parents;

/// <summary>A parent's profile: PartitionKey is the parent id, RowKey <see cref="ProfileRowFor"/> of it.</summary>
public sealed class ParentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The Jobcentre office that registered the parent and owns their record; other offices are told it does not exist.</summary>
    public string? OfficeId { get; set; }

    public string FirstName { get; set; } = "";

    /// <summary>Optional; letters are addressed to the full name.</summary>
    public string? LastName { get; set; }

    /// <summary>E.164, e.g. +447700900123.</summary>
    public string Mobile { get; set; } = "";

    /// <summary>JSON array of the address lines, without the postcode.</summary>
    public string AddressLines { get; set; } = "[]";

    public string Postcode { get; set; } = "";

    /// <summary>Centroid of the postcode's sector (or district): never the exact address.</summary>
    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string PreferredLanguage { get; set; } = "en";

    public bool RemindersConsent { get; set; }

    /// <summary>Set when the parent texts STOP; cleared by START.</summary>
    public DateTimeOffset? OptedOutAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The venue of the parent's latest booking: whose phone number to give when they text us.</summary>
    public string? LastVenueId { get; set; }

    /// <summary>The job search (<see cref="Vacancies.Alerts.JobSearch"/> as JSON); null when none was given.</summary>
    public string? JobSearch { get; set; }

    /// <summary>Explicit opt-in to vacancy alerts, separate from reminders; "JOBS OFF" clears it.</summary>
    public bool AlertsOptIn { get; set; }

    /// <summary>
    /// When JOBS OFF/ON last changed <see cref="AlertsOptIn"/> (<c>AlertConsents</c>): the exact value it wrote, so a
    /// refused replace whose row shows it is known as its own write, as <see cref="OptedOutAt"/> serves STOP.
    /// </summary>
    public DateTimeOffset? AlertsChangedAt { get; set; }

    public string Id => PartitionKey;

    /// <summary>
    /// The profile's row key: unique in the table, as every row key Pilot writes. Azurite finds a row by its row key
    /// first and then compares partition keys, so a row key shared by every parent made each point read a scan of the
    /// table; Azure Table Storage is indifferent.
    /// </summary>
    public static string ProfileRowFor(string parentId) => "profile-" + parentId;

    /// <summary>First and last name, as a letter is addressed.</summary>
    public string FullName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";
    public bool MayReceiveAlerts => AlertsOptIn && OptedOutAt is null && JobSearch is not null;

    public bool MayReceiveReminders => RemindersConsent && OptedOutAt is null;
}
