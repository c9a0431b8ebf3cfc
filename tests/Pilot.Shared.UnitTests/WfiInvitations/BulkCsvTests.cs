using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Bulk;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class BulkCsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_line()
    {
        var (records, error) = CsvReader.Read("a,b,c\r\n\"1, High St\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nx,,z\n");

        Assert.Null(error);
        Assert.Equal(3, records.Count);
        Assert.Equal(["1, High St", "say \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["x", "", "z"], records[2].Fields);
        Assert.Equal(5, records[2].Line);
    }

    [Theory]
    [InlineData("a,b\n\"open,2", "line 2: a quoted field is not closed")]
    [InlineData("a,b\nx\"y,2", "line 2: a quote inside a field that does not start with one")]
    public void Broken_quoting_is_an_error_naming_the_line(string csv, string expected)
    {
        var (records, error) = CsvReader.Read(csv);

        Assert.Empty(records);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored() => Assert.Equal("parentId", CsvReader.Read("\uFEFFparentId\nabc").Records[0].Fields[0]);

    [Fact]
    public void The_header_is_case_insensitive_and_unknown_or_missing_columns_are_named()
    {
        var errors = new List<FieldError>();
        var columns = WfiBulkColumns.ReadHeader(["ParentID", "JOBCENTRESTARTSAT", "centreStartsAt", "respondBy"], errors);
        Assert.Empty(errors);
        Assert.Equal(0, columns["parentId"]);

        WfiBulkColumns.ReadHeader(["parentId", "shoeSize", "centreStartsAt"], errors);
        Assert.Contains(errors, e => e.Message.StartsWith("unknown column \"shoeSize\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message == "column jobcentreStartsAt is required");
        Assert.Contains(errors, e => e.Message == "column respondBy is required");
    }

    [Fact]
    public void A_row_exported_from_a_spreadsheet_is_cleaned_before_it_becomes_requests()
    {
        var errors = new List<FieldError>();
        var columns = WfiBulkColumns.ReadHeader(["firstName", "mobile", "addressLine1", "addressLine2", "postcode", "remindersConsent", "jobcentreStartsAt", "centreStartsAt", "respondBy"], errors);
        var record = new CsvRecord(2, ["\uFEFFAmina\u00A0", "\u200B07700 900123\uFEFF \r\n", "12\tStockwell Road", "London\r\n", "SW9\u00A09TN\u200B", "yes\t", "2026-03-17T10:00:00Z\u200B", "2026-03-18T10:00:00Z", "2026-03-13\r"]);

        var row = WfiBulkColumns.ToRow(record, columns, errors);

        Assert.Empty(errors);
        Assert.Equal("Amina", row.NewParent!.FirstName);
        Assert.Equal("07700 900123", row.NewParent.Mobile);
        Assert.Equal(["12 Stockwell Road", "London"], row.NewParent.Address!.Lines!);
        Assert.Equal("SW9 9TN", row.NewParent.Address.Postcode);
        Assert.True(row.NewParent.Consents!.Reminders);
        Assert.Equal("2026-03-17T10:00:00Z", row.Invitation.Options!.Jobcentre!.StartsAt);
        Assert.Equal("2026-03-13", row.Invitation.RespondBy);
    }

    [Fact]
    public void A_row_without_a_parent_id_becomes_a_registration_from_its_own_details()
    {
        var errors = new List<FieldError>();
        var columns = WfiBulkColumns.ReadHeader(["firstName", "lastName", "mobile", "addressLine1", "addressLine2", "postcode", "jobcentreStartsAt", "centreStartsAt", "respondBy"], errors);
        var record = new CsvRecord(3, ["Amina", "Okafor", "07700 900123", "12 Stockwell Road", "London", "SW9 9TN", "2026-03-17T10:00:00Z", "2026-03-18T10:00:00Z", "2026-03-13"]);

        var row = WfiBulkColumns.ToRow(record, columns, errors);

        Assert.Empty(errors);
        Assert.NotNull(row.NewParent);
        Assert.Equal("Okafor", row.NewParent.LastName);
        Assert.Equal(["12 Stockwell Road", "London"], row.NewParent.Address!.Lines!);
        Assert.False(row.NewParent.Consents!.Reminders);
        Assert.Null(row.Invitation.ParentId);
        Assert.Equal("2026-03-18T10:00:00Z", row.Invitation.Options!.Centre!.StartsAt);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_or_a_bad_consent_is_refused_by_column()
    {
        var errors = new List<FieldError>();
        var columns = WfiBulkColumns.ReadHeader(["firstName", "remindersConsent", "jobcentreStartsAt", "centreStartsAt", "respondBy"], errors);

        WfiBulkColumns.ToRow(new CsvRecord(2, ["Amina", "maybe", "x", "y"]), columns, errors);

        Assert.Contains(errors, e => e.Field == "row" && e.Message == "has 4 fields; the header has 5");
        Assert.Contains(errors, e => e.Field == "remindersConsent");
    }
}
