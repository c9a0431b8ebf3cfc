using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Bulk;
using Pilot.Shared.WfiInvitations.Console;

namespace Pilot.Shared.UnitTests.WfiInvitations;

/// <summary>The office console's pure parts: the list's query and keys, the new-invitation form's fields, the refused rows file.</summary>
public sealed class OfficeConsoleFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void List_rows_sort_newest_first_in_the_table_s_own_order()
    {
        var older = WfiInvitationStore.ListRowKey(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), "b");
        var newer = WfiInvitationStore.ListRowKey(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), "a");
        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.Equal(older.Length, newer.Length);
    }

    [Fact]
    public void A_page_token_goes_through_a_link_and_back_unchanged_and_a_made_up_one_is_refused()
    {
        const string token = "1!20!bGlzdC1qY3AtbGFtYmV0aA-- 1!60!MjUyMDg4MjQzOTk5OTk5OTk5OS0wMTlh";
        var page = InvitationListQuery.PageFromToken(token);
        Assert.DoesNotContain('+', page);
        Assert.DoesNotContain('/', page);
        Assert.Equal(token, InvitationListQuery.TokenFromPage(page));
        Assert.Null(InvitationListQuery.TokenFromPage("not base64 !"));
        Assert.Null(InvitationListQuery.TokenFromPage(InvitationListQuery.PageFromToken("no-space")));
        Assert.Null(InvitationListQuery.TokenFromPage(new string('A', InvitationListQuery.MaxPage + 4)));
    }

    [Fact]
    public void The_list_query_names_each_bad_field_and_blank_means_none()
    {
        var refused = new InvitationListQuery("lost", "2026-02-30", "2026-01-01", new string('x', 101), "%%").Check(Now);
        Assert.Equal(["status", "respondFrom", "search", "page"], refused.Errors.Select(e => e.Field));

        var backwards = new InvitationListQuery(null, "2026-02-01", "2026-01-01", null, null).Check(Now);
        Assert.Equal("respondTo", Assert.Single(backwards.Errors).Field);

        var outside = new InvitationListQuery(null, "2019-12-31", "2029-01-01", null, null).Check(Now);
        Assert.Equal(["respondFrom", "respondTo"], outside.Errors.Select(e => e.Field));

        var blank = new InvitationListQuery(" ", "", " ", "  ", "").Check(Now);
        Assert.Equal(new InvitationListQuery(null, null, null, null, null), blank.Value);
    }

    [Fact]
    public void The_list_address_holds_the_filters_and_the_page_escaped()
        => Assert.Equal(
            "/api/office/invitations?status=posted&search=O%27Neil%20%26%20co&page=abc",
            InvitationListPage.Href(new InvitationListQuery("posted", null, null, "O'Neil & co", "abc")));

    [Fact]
    public void The_form_s_london_wall_clock_becomes_the_api_s_instant_with_its_offset()
    {
        var (summer, _) = NewInvitationPage.ToRequest(Form("2026-06-10", "10:30", "2026-06-11", "09:00"));
        Assert.Equal("2026-06-10T10:30:00+01:00", summer!.Options!.Jobcentre!.StartsAt);
        Assert.Equal("2026-06-11T09:00:00+01:00", summer.Options.Centre!.StartsAt);

        var (winter, _) = NewInvitationPage.ToRequest(Form("2026-12-10", "10:30", "2026-12-11", "09:00"));
        Assert.Equal("2026-12-10T10:30:00+00:00", winter!.Options!.Jobcentre!.StartsAt);
    }

    [Fact]
    public void Missing_or_unreal_dates_are_named_by_the_form_s_fields()
    {
        var (request, errors) = NewInvitationPage.ToRequest(Form("2026-02-30", "10:30", "", "09:00") with { RespondBy = "", ParentId = null });
        Assert.Null(request);
        Assert.Equal(["jobcentreDate", "centreDate", "respondBy", "parentId"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("options.jobcentre.startsAt", "must be after the end of respondBy", "jobcentreDate", "The Jobcentre appointment must be after the end of the reply date")]
    [InlineData("options.centre.venueId", "is not a children's centre (see GET /api/venues)", "centreVenueId", "The centre chosen is not a children's centre (see GET /api/venues)")]
    [InlineData("address.lines[1]", "is too long", "addressLine2", "Address line 2 is too long")]
    [InlineData("mobile", "must be a UK mobile number", "newMobile", "Mobile number must be a UK mobile number")]
    [InlineData("parentId", "no parent of your office has this id", "parentId", "No parent of your office has this id")]
    public void The_desk_s_errors_land_by_the_form_s_fields_as_sentences(string field, string message, string formField, string sentence)
        => Assert.Equal(new FieldError(formField, sentence), NewInvitationPage.ToFormError(new FieldError(field, message)));

    [Fact]
    public void The_preview_address_holds_ids_and_times_escaped()
    {
        var (request, _) = NewInvitationPage.ToRequest(Form("2026-06-10", "10:30", "2026-06-11", "09:00") with { CentreVenueId = "cc-lambeth-stockwell" });
        Assert.Equal(
            "/api/office/invitations/new/letter?parentId=p1&jobcentreStartsAt=2026-06-10T10%3A30%3A00%2B01%3A00&centreVenueId=cc-lambeth-stockwell&centreStartsAt=2026-06-11T09%3A00%3A00%2B01%3A00&respondBy=2026-06-05",
            NewInvitationPage.PreviewHref(request!));
    }

    [Fact]
    public void The_refused_rows_file_is_the_header_and_those_rows_as_sent_with_a_registered_parent_s_id()
    {
        const string csv = "parentId,firstName,addressLine1,respondBy\n,Esther,\"Flat 3, 41 \"\"The\"\" Hill\",2026-06-05\n,Ruth,9 Acre Lane,2026-06-05\np9,Joy,1 Road,bad\n";
        var refused = InvitationUploadPage.RefusedRows(csv, [
            new WfiBulkRejected(2, new Dictionary<string, string[]> { ["mobile"] = ["is required"] }, "registered-1"),
            new WfiBulkRejected(4, new Dictionary<string, string[]> { ["respondBy"] = ["must be a date"] }, null),
        ]);
        Assert.Equal("parentId,firstName,addressLine1,respondBy\r\nregistered-1,Esther,\"Flat 3, 41 \"\"The\"\" Hill\",2026-06-05\r\np9,Joy,1 Road,bad\r\n", refused);
        var (records, error) = CsvReader.Read(refused);
        Assert.Null(error);
        Assert.Equal("Flat 3, 41 \"The\" Hill", records[1].Fields[2]);
    }

    private static NewInvitationForm Form(string jobcentreDate, string jobcentreTime, string centreDate, string centreTime)
        => new(null, null, null, null, null, null, null, null, null, null, "p1", jobcentreDate, jobcentreTime, null, centreDate, centreTime, "2026-06-05");
}
