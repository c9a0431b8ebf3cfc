using Microsoft.Extensions.Logging;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Bulk;

namespace Pilot.Shared.Venues;

/// <summary>
/// How venues get in: an operator's PUT of one, their CSV of many, and the demo seeder all come through
/// <see cref="LoadAsync"/>, so a venue the demo can load is one production can load, and the other way round.
/// Retiring one keeps it readable (past appointments and letters name it) but nothing new is booked there.
/// </summary>
public sealed class VenueCatalogue(VenueStore store, TimeProvider time, ILogger<VenueCatalogue> logger)
{
    public const int MaxRows = 1000;

    /// <summary><c>PUT /api/venues/{id}</c>: creates or replaces one venue (a retired one stays retired).</summary>
    public async Task<Outcome<VenuePut>> PutAsync(string id, VenueRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Outcome<VenuePut>.Invalid("body", "a JSON object is required");
        }

        var result = await LoadAsync([new VenueRow(0, id, request)], ct);
        return result.Rejected is [var rejected]
            ? Outcome<VenuePut>.Invalid(rejected.Errors)
            : Outcome<VenuePut>.Ok(new VenuePut(result.Stored[0], result.Accepted[0].Created));
    }

    /// <summary><c>DELETE /api/venues/{id}</c>: retires a venue; retiring it again changes nothing.</summary>
    public async Task<Outcome<Venue>> RetireAsync(string id, CancellationToken ct)
    {
        var retired = VenueValidation.IsValidId(id) ? await store.RetireAsync(id, time.GetUtcNow(), ct) : null;
        if (retired is null)
        {
            return Outcome<Venue>.NotFound($"no venue has id {id}");
        }

        logger.LogInformation("Venue {VenueId} retired at {RetiredAt}", retired.Id, retired.RetiredAt);
        return Outcome<Venue>.Ok(retired);
    }

    /// <summary><c>POST /api/venues</c> with a CSV: each row checked on its own (a row may name a hub on an earlier row).</summary>
    public async Task<Outcome<VenueLoadAnswer>> ImportCsvAsync(string csv, CancellationToken ct)
    {
        var (records, error) = CsvReader.Read(csv ?? "");
        if (error is not null)
        {
            return Outcome<VenueLoadAnswer>.Invalid("csv", error);
        }

        if (records.Count < 2)
        {
            return Outcome<VenueLoadAnswer>.Invalid("csv", "a header row and at least one row are required");
        }

        if (records.Count - 1 > MaxRows)
        {
            return Outcome<VenueLoadAnswer>.Invalid("csv", $"at most {MaxRows} rows in one file");
        }

        var headerErrors = new List<FieldError>();
        var columns = VenueCsv.ReadHeader(records[0].Fields, headerErrors);
        if (headerErrors.Count > 0)
        {
            return Outcome<VenueLoadAnswer>.Invalid(headerErrors);
        }

        var rows = new List<VenueRow>();
        foreach (var record in records.Skip(1))
        {
            var errors = new List<FieldError>();
            var (id, request) = VenueCsv.ToRequest(record, columns, errors);
            rows.Add(new VenueRow(record.Line, id, request, errors));
        }

        var result = await LoadAsync(rows, ct);
        return Outcome<VenueLoadAnswer>.Ok(new VenueLoadAnswer(
            result.Accepted,
            [.. result.Rejected.Select(r => r with { Errors = [.. r.Errors.Select(VenueCsv.ToColumn)] }).Select(VenueLoadRejected.From)]));
    }

    /// <summary>
    /// Checks the rows in order, each against what is stored and the rows accepted before it, and stores the
    /// accepted ones together. A row with errors found before it came here (a CSV cell) is refused with them.
    /// </summary>
    public async Task<VenueLoadResult> LoadAsync(IReadOnlyList<VenueRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var stored = await store.FreshAsync(ct);
        var known = new Dictionary<string, Venue>(stored, StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = new List<VenueLoadAccepted>();
        var venues = new List<Venue>();
        var rejected = new List<VenueRowErrors>();
        foreach (var row in rows)
        {
            var errors = new List<FieldError>(row.Errors ?? []);
            if (row.Id is not null && lines.TryGetValue(row.Id, out var earlier))
            {
                errors.Add(new FieldError("id", $"is on line {earlier} already"));
            }

            var checkErrors = new List<FieldError>();
            var venue = VenueValidation.Check(row.Id, row.Request, known, checkErrors);

            // A cell that could not be read is reported once, not again as the empty field it became.
            errors.AddRange(checkErrors.Where(e => row.Errors?.Any(r => r.Field == e.Field || e.Field.StartsWith(r.Field + "[", StringComparison.Ordinal)) != true));
            if (errors.Count > 0 || venue is null)
            {
                rejected.Add(new VenueRowErrors(row.Line, row.Id, errors));
                continue;
            }

            venue = venue with { RetiredAt = stored.GetValueOrDefault(venue.Id)?.RetiredAt };
            known[venue.Id] = venue;
            lines[venue.Id] = row.Line;
            venues.Add(venue);
            accepted.Add(new VenueLoadAccepted(row.Line, venue.Id, Created: !stored.ContainsKey(venue.Id)));
        }

        if (venues.Count > 0)
        {
            await store.UpsertAsync(venues, ct);
        }

        logger.LogInformation("Venues loaded: {Accepted} accepted ({Created} new), {Rejected} rejected", accepted.Count, accepted.Count(a => a.Created), rejected.Count);
        return new VenueLoadResult(accepted, venues, rejected);
    }
}

/// <summary>One venue to load: its line in a file (0 for a PUT), its id, the request, and any errors found reading it.</summary>
public sealed record VenueRow(int Line, string? Id, VenueRequest? Request, IReadOnlyList<FieldError>? Errors = null);

public sealed record VenueRowErrors(int Line, string? Id, IReadOnlyList<FieldError> Errors);

public sealed record VenueLoadResult(IReadOnlyList<VenueLoadAccepted> Accepted, IReadOnlyList<Venue> Stored, IReadOnlyList<VenueRowErrors> Rejected);

/// <summary>The answer to a PUT: the venue as stored, and whether it is new (201) or replaced one (200).</summary>
public sealed record VenuePut(Venue Venue, bool Created);

/// <summary>The answer to <c>POST /api/venues</c>.</summary>
public sealed record VenueLoadAnswer(IReadOnlyList<VenueLoadAccepted> Accepted, IReadOnlyList<VenueLoadRejected> Rejected);

/// <param name="Line">The line of the file the row starts on (the header is line 1).</param>
public sealed record VenueLoadAccepted(int Line, string Id, bool Created);

public sealed record VenueLoadRejected(int Line, string? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public static VenueLoadRejected From(VenueRowErrors row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Line, row.Id, row.Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
    }
}
