using System.Text;
using System.Text.Json;
using Pilot.Shared;
using Pilot.Shared.Storage;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.IntegrationTests.Vacancies;

/// <summary>Vacancy batches in, on real Azurite: per-item verdicts, nothing good lost, refs updated in place.</summary>
public sealed class VacancyIngestionTests
{
    [Fact]
    public async Task A_batch_keeps_every_good_item_and_rejects_each_bad_one_with_its_field()
    {
        await using var services = await PilotServices.StartAsync();
        var unknownField = VacancyScenario.Vacancy("V-3");
        unknownField["colour"] = "blue";
        var wrongType = VacancyScenario.Vacancy("V-4");
        wrongType["hoursPerWeek"] = "lots";

        var result = await VacancyScenario.PostAsync(services,
            VacancyScenario.Vacancy("V-1"),
            VacancyScenario.Vacancy("V-2", postcode: "ZZ99 9ZZ"),
            unknownField,
            wrongType,
            VacancyScenario.Vacancy("V-5", expiryDate: "2026-06-30"),
            VacancyScenario.Vacancy("V-1"),
            VacancyScenario.Vacancy("V-6"));

        Assert.Equal(2, result.Accepted);
        Assert.Equal(5, result.Rejected);
        Assert.Equal(["accepted", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"], result.Items.Select(i => i.Status));
        Assert.Equal(Enumerable.Range(0, 7), result.Items.Select(i => i.Index));
        Assert.Contains("postcode", result.Items[1].Errors!.Keys);
        Assert.Contains("colour", result.Items[2].Errors!.Keys);
        Assert.Contains("hoursPerWeek", result.Items[3].Errors!.Keys);
        Assert.Contains("expiryDate", result.Items[4].Errors!.Keys);
        Assert.Contains("ref", result.Items[5].Errors!.Keys);
        Assert.Equal("V-4", result.Items[3].Ref);

        var stored = await VacancyScenario.AllAsync(services, TableNames.Vacancies);
        Assert.Equal(["V-1", "V-6"], stored.Select(v => v.PartitionKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_resent_ref_updates_the_vacancy_in_every_index_and_never_duplicates_it()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1", title: "Teaching assistant"));
        services.Time.Advance(TimeSpan.FromMinutes(2));

        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-1", title: "Lunchtime supervisor", postcode: VacancyScenario.Blackpool));

        var primary = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Vacancies));
        Assert.Equal("Lunchtime supervisor", primary.GetString("Title"));
        // Both keys are the ref: a row key shared by every vacancy makes each of Azurite's point reads compare them all.
        Assert.Equal(("V-1", "V-1"), (primary.PartitionKey, primary.RowKey));
        var cell = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.VacancyCells));
        Assert.Equal("FY1 3AE", cell.GetString("Postcode"));
        Assert.Equal(primary.GetString("Cell"), cell.PartitionKey);
        // Each arrival is a feed row of its minute: the timer sees the update as new.
        Assert.Equal(2, (await VacancyScenario.AllAsync(services, TableNames.VacancyFeed)).Count);
    }

    [Fact]
    public async Task Unclear_hours_keep_their_text_and_no_pattern()
    {
        await using var services = await PilotServices.StartAsync();
        await VacancyScenario.PostAsync(services,
            VacancyScenario.Vacancy("CLEAR"),
            VacancyScenario.Vacancy("UNCLEAR", hoursText: "Flexible hours, to be agreed"));

        var clear = await services.Get<VacancyStore>().GetAsync("CLEAR", CancellationToken.None);
        var unclear = await services.Get<VacancyStore>().GetAsync("UNCLEAR", CancellationToken.None);
        Assert.Equal("Mon-Fri 9:30-2:30", PatternText.Read(clear!.Hours!).Describe());
        Assert.True(clear.TermTimeOnly);
        Assert.Null(unclear!.Hours);
        Assert.Equal("Flexible hours, to be agreed", unclear.HoursText);
        Assert.NotNull(unclear.HoursUnclearBecause);
    }

    [Fact]
    public async Task A_csv_upload_goes_down_the_same_path_row_by_row()
    {
        await using var services = await PilotServices.StartAsync();
        var csv = """
            ref,title,employer,postcode,hoursText,termTimeOnly,category,keywords,expiryDate,applyUrl,applyPhone
            C-1,School cleaner,"Oakfield Primary, Brixton",SW2 1RW,Mon-Fri 3pm-5pm,yes,cleaning,cleaner;school,2026-03-20,,020 7946 0000
            C-2,Cook,Kitchen Ltd,SW2 1RW,Mon-Fri 9am-1pm,maybe,catering,,2026-03-20,https://kitchen.example.org,
            """;

        var outcome = await services.Get<VacancyIngestion>().IngestCsvAsync(Encoding.UTF8.GetBytes(csv), CancellationToken.None);

        Assert.True(outcome.IsOk);
        Assert.Equal(["accepted", "rejected"], outcome.Value!.Items.Select(i => i.Status));
        Assert.Contains("termTimeOnly", outcome.Value.Items[1].Errors!.Keys);
        var stored = await services.Get<VacancyStore>().GetAsync("C-1", CancellationToken.None);
        Assert.Equal("Oakfield Primary, Brixton", stored!.Employer);
        Assert.Equal("020 7946 0000", stored.ApplyPhone);
    }

    [Fact]
    public async Task A_feed_message_that_is_not_a_batch_is_refused_with_its_reason_and_a_good_one_is_stored()
    {
        await using var services = await PilotServices.StartAsync();
        var feed = services.Get<VacancyFeed>();

        var refused = await Assert.ThrowsAsync<InvalidVacancyBatchException>(() => feed.HandleAsync("""{"items":[]}""", CancellationToken.None));
        var stored = await feed.HandleAsync(JsonSerializer.Serialize(new { vacancies = new[] { VacancyScenario.Vacancy("Q-1") } }, JsonDefaults.Web), CancellationToken.None);

        Assert.Contains("items", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, stored.Accepted);
        Assert.NotNull(await services.Get<VacancyStore>().GetAsync("Q-1", CancellationToken.None));
    }
}
