using System.Text.Json;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Parents;
using Pilot.Shared.WfiInvitations.Bulk;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Parents;

/// <summary>Numbers and addresses as offices' spreadsheets export them, through the form and the bulk CSV alike.</summary>
public sealed class PastedInputTests
{
    [Fact]
    public async Task A_pasted_mobile_tabbed_address_line_and_spaced_postcode_register_cleaned()
    {
        await using var services = await PilotServices.StartAsync();
        var request = new RegisterParentRequest(
            "\u200BAmina\u00A0",
            "\u200B+44 (0)7700 900 431\uFEFF \r\n",
            new AddressRequest(["12\tStockwell Road", "London\r\n"], "SW9\u00A09TN\u200B"),
            "en",
            new ConsentsRequest(true));

        var outcome = await services.Get<ParentRegistration>().RegisterAsync(RoleKeys.LambethOffice, request, CancellationToken.None);

        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        var parent = await services.Get<ParentStore>().GetAsync(outcome.Value!.Id, CancellationToken.None);
        Assert.Equal("+447700900431", parent!.Mobile);
        Assert.Equal("Amina", parent.FirstName);
        Assert.Equal(["12 Stockwell Road", "London"], JsonSerializer.Deserialize<List<string>>(parent.AddressLines));
        Assert.Equal("SW9 9TN", parent.Postcode);

        // The same parent sent again as it was pasted is found, not registered twice.
        Assert.Equal(parent.Id, (await services.Get<ParentRegistration>().FindSameAsync(RoleKeys.LambethOffice, request, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task A_line_break_inside_an_address_line_is_still_refused_naming_the_line()
    {
        await using var services = await PilotServices.StartAsync();
        var request = new RegisterParentRequest("Amina", "07700 900432", new AddressRequest(["12 Stockwell Road\nFlat 2", "London"], "SW9 9TN"), "en", new ConsentsRequest(true));

        var outcome = await services.Get<ParentRegistration>().RegisterAsync(RoleKeys.LambethOffice, request, CancellationToken.None);

        Assert.Equal(["address.lines[0]"], outcome.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task A_bulk_row_exported_from_a_spreadsheet_registers_the_parent_cleaned()
    {
        await using var services = await PilotServices.StartAsync(settings: WfiScenario.Settings());
        var options = WfiScenario.Request("unused", services.Time.GetUtcNow()).Options!;
        var csv = "\uFEFFfirstName,mobile,addressLine1,addressLine2,postcode,remindersConsent,jobcentreStartsAt,centreStartsAt,respondBy\r\n"
            + $"Grace\u00A0,\"\u200B+44 (0)7700 900 433\uFEFF \r\n\",\"40\tBrixton Hill\",London,SW2\u00A01QS,yes,{options.Jobcentre!.StartsAt},{options.Centre!.StartsAt},{WfiScenario.Request("unused", services.Time.GetUtcNow()).RespondBy}\r\n";

        var result = await services.Get<WfiBulkImport>().ImportAsync(WfiScenario.LambethOffice, csv, CancellationToken.None);

        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Empty(result.Value!.Rejected);
        var parent = await services.Get<ParentStore>().GetAsync(Assert.Single(result.Value.Accepted).ParentId, CancellationToken.None);
        Assert.Equal("+447700900433", parent!.Mobile);
        Assert.Equal("Grace", parent.FirstName);
        Assert.Equal(["40 Brixton Hill", "London"], JsonSerializer.Deserialize<List<string>>(parent.AddressLines));
        Assert.Equal("SW2 1QS", parent.Postcode);
    }
}
