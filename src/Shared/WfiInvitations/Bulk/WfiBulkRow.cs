using Pilot.Shared.Parents;
using Pilot.Shared.Validation;

namespace Pilot.Shared.WfiInvitations.Bulk;

/// <summary>One row of an office's CSV, as requests: an invitation, and the parent to register first when the row has no parentId.</summary>
public sealed record WfiBulkRow(int Line, RegisterParentRequest? NewParent, CreateWfiInvitationRequest Invitation);

/// <summary>The columns an office's CSV may have, and how a row becomes requests.</summary>
public static class WfiBulkColumns
{
    public const string ParentId = "parentId";

    public static readonly IReadOnlyList<string> All =
    [
        ParentId, "firstName", "lastName", "mobile", "addressLine1", "addressLine2", "addressLine3", "addressLine4", "postcode",
        "preferredLanguage", "remindersConsent", "jobcentreStartsAt", "jobcentreVenueId", "centreStartsAt", "centreVenueId", "respondBy",
    ];

    private static readonly string[] AddressColumns = ["addressLine1", "addressLine2", "addressLine3", "addressLine4"];

    public static readonly IReadOnlyList<string> Required = ["jobcentreStartsAt", "centreStartsAt", "respondBy"];

    /// <summary>Column name → index; errors (naming <c>header</c>) for an unknown, repeated or missing column.</summary>
    public static IReadOnlyDictionary<string, int> ReadHeader(IReadOnlyList<string> header, List<FieldError> errors)
        => CsvHeader.Read(header, All, Required, errors);

    /// <summary>
    /// A row's requests. Without a parentId the parent's own details are used (and registered): the
    /// errors then name the CSV column (firstName, mobile, addressLine1, postcode, remindersConsent).
    /// </summary>
    public static WfiBulkRow ToRow(CsvRecord record, IReadOnlyDictionary<string, int> columns, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(errors);
        // Cleaned as the parents' form cleans what it is sent (PastedText): spreadsheets export zero-width characters, tabs and stray line ends.
        string? Get(string column) => columns.TryGetValue(column, out var i) && i < record.Fields.Count && PastedText.Clean(record.Fields[i]) is { Length: > 0 } v ? v : null;

        if (record.Fields.Count != columns.Count)
        {
            errors.Add(new FieldError("row", $"has {record.Fields.Count} fields; the header has {columns.Count}"));
        }

        RegisterParentRequest? newParent = null;
        var parentId = Get(ParentId);
        if (parentId is null)
        {
            bool? consent = Get("remindersConsent")?.ToLowerInvariant() switch
            {
                null or "false" or "no" or "n" => false,
                "true" or "yes" or "y" => true,
                _ => null,
            };
            if (consent is null)
            {
                errors.Add(new FieldError("remindersConsent", "must be true or false (or empty: false)"));
            }

            var lines = AddressColumns.Select(Get).Where(l => l is not null).ToList();
            newParent = new RegisterParentRequest(Get("firstName"), Get("mobile"), new AddressRequest(lines, Get("postcode")), Get("preferredLanguage") ?? "en", new ConsentsRequest(consent ?? false))
            {
                LastName = Get("lastName"),
            };
        }

        var invitation = new CreateWfiInvitationRequest(
            parentId,
            null,
            new WfiOptionsRequest(new WfiOptionRequest(Get("jobcentreStartsAt"), Get("jobcentreVenueId")), new WfiOptionRequest(Get("centreStartsAt"), Get("centreVenueId"))),
            Get("respondBy"));
        return new WfiBulkRow(record.Line, newParent, invitation);
    }
}
