using Pilot.Shared.Sms.Outbound;

namespace Pilot.IntegrationTests.Reminders;

/// <summary>
/// An appointment's text is sent to its appointment's parent. The sender reads that parent beside the appointment,
/// by the parent the text row names; a row that names none (written before it did) or names another parent is sent to
/// the appointment's parent all the same.
/// </summary>
public sealed class SendFactsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_text_whose_row_names_no_parent_or_another_goes_to_its_appointments_parent(bool namesAnother)
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services, mobile: "07700 900321");
        var another = await Scenario.ParentAsync(services, mobile: "07700 900654", firstName: "Ben");
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(2));
        var confirmation = Assert.Single(await SendQueueReader.ReceiveAllAsync(services)).Text;
        var texts = services.Get<TextStore>();
        var row = (await texts.GetAsync(confirmation, CancellationToken.None))!;
        Assert.Equal(parent, row.ParentId); // as booking writes it
        row.ParentId = namesAnother ? another : "";
        Assert.True(await texts.TryReplaceAsync(row, CancellationToken.None));

        var outcome = await services.Get<TextSender>().SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal("+447700900321", Assert.Single(await Outbox.AllAsync(services)).GetString("To"));
    }
}
