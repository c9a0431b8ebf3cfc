using Pilot.Shared.Phones;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Validation;

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>
/// Takes vacancy batches from any door (HTTP JSON, HTTP CSV, the feed queue) down one path: each
/// item is read and checked on its own, so a bad item is rejected with its reasons and every good
/// one in the batch is stored. A ref sent again replaces the earlier vacancy (and re-enters the feed,
/// so parents it now fits hear of it; those already alerted never are again).
/// </summary>
public sealed partial class VacancyIngestion(VacancyStore store, TimeProvider time, ILogger<VacancyIngestion> logger)
{
    public const int MaxBatch = 1000;

    /// <summary>The CSV columns (header row required, any order; unknown columns are refused).</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "ref", "title", "employer", "postcode", "hoursText", "hoursPerWeek", "termTimeOnly", "salaryMin", "salaryMax",
        "salaryPeriod", "category", "keywords", "expiryDate", "applyUrl", "applyPhone",
    ];

    private static readonly JsonSerializerOptions Strict = new(JsonDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary><c>{ "vacancies": [ ... ] }</c>: anything else is invalid as a whole (nothing stored).</summary>
    public async Task<Outcome<VacancyBatchResult>> IngestJsonAsync(ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Outcome<VacancyBatchResult>.Invalid("body", "must be a JSON object {\"vacancies\": [...]}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Outcome<VacancyBatchResult>.Invalid("body", "must be a JSON object {\"vacancies\": [...]}");
            }

            JsonElement? list = null;
            foreach (var property in root.EnumerateObject())
            {
                if (!string.Equals(property.Name, "vacancies", StringComparison.OrdinalIgnoreCase))
                {
                    return Outcome<VacancyBatchResult>.Invalid(property.Name, "is not a field of this request");
                }

                list = property.Value;
            }

            if (list is not { ValueKind: JsonValueKind.Array } items)
            {
                return Outcome<VacancyBatchResult>.Invalid("vacancies", "is required: an array of vacancies");
            }

            if (items.GetArrayLength() is 0 or > MaxBatch)
            {
                return Outcome<VacancyBatchResult>.Invalid("vacancies", $"must hold 1 to {MaxBatch} vacancies");
            }

            var read = new List<(VacancyRequest? Request, string? Ref, FieldError? Error)>();
            foreach (var item in items.EnumerateArray())
            {
                read.Add(ReadItem(item));
            }

            return Outcome<VacancyBatchResult>.Ok(await StoreAsync(read, "json", ct));
        }
    }

    /// <summary>A CSV file with a header row of <see cref="CsvColumns"/>; each data row is one item.</summary>
    public async Task<Outcome<VacancyBatchResult>> IngestCsvAsync(ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        using var csv = CsvReader.Create(body, new CsvReaderOptions { Separator = ',', TrimWhitespace = true });
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            return Outcome<VacancyBatchResult>.Invalid("body", "must be CSV with a header row: " + string.Join(',', CsvColumns));
        }

        if (header.FirstOrDefault(h => !CsvColumns.Contains(h, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            return Outcome<VacancyBatchResult>.Invalid(unknown, "is not a column of a vacancy CSV: " + string.Join(',', CsvColumns));
        }

        var read = new List<(VacancyRequest? Request, string? Ref, FieldError? Error)>();
        while (await csv.ReadAsync(ct))
        {
            if (read.Count == MaxBatch)
            {
                return Outcome<VacancyBatchResult>.Invalid("body", $"must hold at most {MaxBatch} rows");
            }

            read.Add(ReadRow(csv, header));
        }

        if (read.Count == 0)
        {
            return Outcome<VacancyBatchResult>.Invalid("body", "has no rows under the header");
        }

        return Outcome<VacancyBatchResult>.Ok(await StoreAsync(read, "csv", ct));
    }

    private async Task<VacancyBatchResult> StoreAsync(List<(VacancyRequest? Request, string? Ref, FieldError? Error)> read, string channel, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var results = new VacancyItemResult[read.Count];
        var accepted = new List<VacancyEntity>();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < read.Count; i++)
        {
            var (request, reference, error) = read[i];
            var errors = new List<FieldError>();
            VacancyEntity? vacancy = null;
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (request is null)
            {
                errors.Add(new FieldError("body", "must be a vacancy object"));
            }
            else
            {
                vacancy = VacancyValidation.Check(request, now, errors);
            }

            if (vacancy is not null && !firstIndex.TryAdd(vacancy.Ref, i))
            {
                errors.Add(new FieldError("ref", $"appears earlier in this batch (index {firstIndex[vacancy.Ref]})"));
                vacancy = null;
            }

            if (vacancy is null)
            {
                results[i] = new VacancyItemResult(i, reference, VacancyItemResult.Rejected, errors
                    .GroupBy(e => e.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
                continue;
            }

            accepted.Add(vacancy);
            results[i] = new VacancyItemResult(i, vacancy.Ref, VacancyItemResult.Accepted, null);
        }

        if (accepted.Count > 0)
        {
            await store.SaveAsync(accepted, VacancyStore.FeedBucket(now), ct);
        }

        var rejected = read.Count - accepted.Count;
        logger.LogInformation("Vacancy batch ({Channel}): {Accepted} accepted, {Rejected} rejected", channel, accepted.Count, rejected);
        foreach (var item in results.Where(r => r.Status == VacancyItemResult.Rejected).Take(20))
        {
            logger.LogWarning("Vacancy item {Index} ({Ref}) rejected: {Errors}", item.Index, LogSafe.Text(item.Ref), string.Join("; ", item.Errors!.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
        }

        return new VacancyBatchResult(accepted.Count, rejected, results);
    }

    private static (VacancyRequest?, string?, FieldError?) ReadItem(JsonElement item)
    {
        try
        {
            return ReadItemOrThrow(item);
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-16 once unescaped (a lone surrogate, "\ud800").
            return (null, null, new FieldError("body", "contains text that is not valid Unicode"));
        }
    }

    private static (VacancyRequest?, string?, FieldError?) ReadItemOrThrow(JsonElement item)
    {
        var reference = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("ref", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, null, new FieldError("body", "must be a vacancy object"));
        }

        try
        {
            return (item.Deserialize<VacancyRequest>(Strict), reference, null);
        }
        catch (JsonException ex)
        {
            return (null, reference, new FieldError(FieldFrom(ex), ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a field of a vacancy" : "has the wrong type"));
        }
    }

    private static (VacancyRequest?, string?, FieldError?) ReadRow(CsvReader csv, string[] header)
    {
        string? Field(string name)
        {
            var column = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            var value = column < 0 ? null : csv.GetStringOrNull(column);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        var reference = Field("ref");
        if (!TryNumber(Field("hoursPerWeek"), out var perWeek))
        {
            return (null, reference, new FieldError("hoursPerWeek", "must be a number"));
        }

        if (!TryNumber(Field("salaryMin"), out var salaryMin))
        {
            return (null, reference, new FieldError("salaryMin", "must be a number"));
        }

        if (!TryNumber(Field("salaryMax"), out var salaryMax))
        {
            return (null, reference, new FieldError("salaryMax", "must be a number"));
        }

        bool? termTime = null;
        switch (Field("termTimeOnly")?.ToLowerInvariant())
        {
            case null: break;
            case "true" or "yes" or "y" or "1": termTime = true; break;
            case "false" or "no" or "n" or "0": termTime = false; break;
            default: return (null, reference, new FieldError("termTimeOnly", "must be true or false"));
        }

        var salaryPeriod = Field("salaryPeriod");
        var salary = salaryMin is null && salaryMax is null && salaryPeriod is null ? null : new SalaryRequest(salaryMin, salaryMax, salaryPeriod);
        var apply = Field("applyUrl") is null && Field("applyPhone") is null ? null : new ApplyRequest(Field("applyUrl"), Field("applyPhone"));
        var keywords = Field("keywords")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (new VacancyRequest(reference, Field("title"), Field("employer"), Field("postcode"), Field("hoursText"), null, perWeek, termTime,
            salary, Field("category"), keywords, Field("expiryDate"), apply), reference, null);
    }

    private static bool TryNumber(string? text, out double? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    /// <summary>"$.salary.min" → "salary.min"; an unknown member is named.</summary>
    private static string FieldFrom(JsonException ex)
    {
        var path = ex.Path ?? "$";
        var field = path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (UnmappedProperty().Match(ex.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            return field == "body" ? name : field.EndsWith(name, StringComparison.Ordinal) ? field : $"{field}.{name}";
        }

        return field;
    }

    [GeneratedRegex("JSON property '([^']{1,200})' could not be mapped", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UnmappedProperty();
}
