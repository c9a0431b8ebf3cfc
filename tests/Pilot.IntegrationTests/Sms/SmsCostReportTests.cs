using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Costs;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Validation;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Sms;

public sealed class SmsCostReportTests
{
    [Fact]
    public async Task Two_texts_sent_today_are_counted_and_priced_in_the_days_cost()
    {
        await using var services = await PilotServices.StartAsync(settings: new Dictionary<string, string?> { ["Sms:PricePerFragment"] = "0.025" });
        var english = await Scenario.ParentAsync(services);
        var polish = await services.Get<ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new RegisterParentRequest("Łucja", "07700 900124", new AddressRequest(["12 Stockwell Road", "London"], "SW9 9TN"), "pl-PL", new ConsentsRequest(true)),
            CancellationToken.None);
        await Scenario.BookAsync(services, english, PilotServices.Morning.AddDays(3));
        await Scenario.BookAsync(services, polish.Value!.Id, PilotServices.Morning.AddDays(3));

        var outcomes = await SendQueueReader.DrainAsync(services); // the two confirmations, due now
        Assert.Equal(2, outcomes.Count(o => o == SendOutcome.Sent));

        var outbox = await Outbox.AllAsync(services);
        var polishText = outbox.Single(e => e.GetString("To") == "+447700900124");
        Assert.Contains("Dzień dobry Łucja", polishText.GetString("Body"), StringComparison.Ordinal); // the sender passes the parent's language
        Assert.Equal(nameof(SmsEncoding.Ucs2), polishText.GetString("Encoding"));
        var fragments = outbox.Sum(e => e.GetInt32("Fragments") ?? 0);
        Assert.True(fragments >= 3, "the Polish confirmation needs more than one UCS-2 fragment");

        var day = await services.Get<SmsCostReport>().ForDayAsync("2026-03-03", CancellationToken.None);

        Assert.True(day.IsOk);
        Assert.Equal("2026-03-03", day.Value!.Date);
        Assert.Equal(2, day.Value.Messages);
        Assert.Equal(fragments, day.Value.Fragments);
        Assert.Equal(fragments * 0.025m, day.Value.Cost);
        Assert.Equal("GBP", day.Value.Currency);
        var outboxShare = Assert.Single(day.Value.ByProvider);
        Assert.Equal((OutboxSmsGateway.GatewayName, 2, fragments), (outboxShare.Key, outboxShare.Value.Messages, outboxShare.Value.Fragments));

        var dayBefore = await services.Get<SmsCostReport>().ForDayAsync("2026-03-02", CancellationToken.None);
        Assert.Equal((0, 0, 0m), (dayBefore.Value!.Messages, dayBefore.Value.Fragments, dayBefore.Value.Cost));
    }

    [Theory]
    [InlineData("2026-3-3")]
    [InlineData("03/03/2026")]
    [InlineData("2026-02-30")]
    [InlineData("")]
    public async Task A_date_that_is_not_yyyy_mm_dd_is_invalid(string date)
    {
        await using var services = await PilotServices.StartAsync();
        var outcome = await services.Get<SmsCostReport>().ForDayAsync(date, CancellationToken.None);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("date", Assert.Single(outcome.Errors).Field);
    }
}
