using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pilot.IntegrationTests.Vacancies;
using Pilot.IntegrationTests.WfiInvitations;
using Pilot.Shared.Access;
using Pilot.Shared.Letters;
using Pilot.Shared.Parents;
using Pilot.Shared.Parents.Erasure;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Storage;
using Pilot.Shared.WfiInvitations.Letters;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.Parents;

/// <summary>Erasing a parent on real Azurite: every table and letter blob is scanned for any trace of them afterwards.</summary>
public sealed class ParentErasureTests : IDisposable
{
    private const string Mobile = "+447700900417";
    private const string FirstName = "Zephyrine";
    private const string LastName = "Quillfeather";
    private const string Street = "17 Marigoldhaven Lane";
    private const string Town = "Quillbury";
    private const string Postcode = "SW9 9QZ";

    private readonly string _printFolder = Path.Combine(Path.GetTempPath(), "pilot-erase-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_printFolder))
        {
            Directory.Delete(_printFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Erasing_a_parent_leaves_no_trace_in_any_table_or_letter_and_keeps_anonymised_counts()
    {
        var settings = WfiScenario.Settings();
        settings["Letters:PrintBatchFolder"] = _printFolder;
        await using var services = await PilotServices.StartAsync(settings: settings);
        var parentId = await RegisterAsync(services);
        await Scenario.BookAsync(services, parentId, services.Time.GetUtcNow().AddDays(3));
        await VacancyScenario.PostAsync(services, VacancyScenario.Vacancy("V-ERASE-1"));
        await VacancyScenario.PlanAsync(services);
        await SendQueueReader.DrainAsync(services);
        await services.Get<InboundTexts>().HandleAsync(new InboundText(Mobile, $"Thanks, {FirstName} here", "twilio", "SMerase1", services.Time.GetUtcNow()), CancellationToken.None);
        var invitation = await WfiScenario.InviteAsync(services, parentId);
        await services.Get<WfiLetterJobs>().ProcessAsync(new WfiLetterJob(WfiScenario.Lambeth, invitation.Id), CancellationToken.None);
        var before = await TracesAsync(services, parentId);
        Assert.Single(await VacancyScenario.AllAsync(services, TableNames.NumberHourCounts), r => r.PartitionKey == services.Get<NumberKeys>().KeyOf(Mobile));
        Assert.Contains(before, t => t.StartsWith("Outbox", StringComparison.Ordinal));
        Assert.Contains(before, t => t.StartsWith("AlertLedger", StringComparison.Ordinal));
        Assert.Contains(before, t => t.StartsWith("InboundTexts", StringComparison.Ordinal));
        Assert.Contains(before, t => t.StartsWith("blob", StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(_printFolder, "*.pdf", SearchOption.AllDirectories));

        var report = await services.Get<ParentErasure>().EraseAsync(RoleKeys.LambethOffice, parentId, CancellationToken.None);

        Assert.NotNull(report);
        Assert.Empty(await TracesAsync(services, parentId));
        Assert.Empty(await VacancyScenario.AllAsync(services, TableNames.NumberHourCounts)); // the number's hourly-cap row
        Assert.Empty(Directory.GetFiles(_printFolder, "*.pdf", SearchOption.AllDirectories));
        Assert.Equal(1, report.Appointments);
        Assert.Equal(1, report.Invitations);
        Assert.True(report.Texts >= 3, $"texts {report.Texts}");
        Assert.True(report.TextsCancelled >= 1, $"cancelled {report.TextsCancelled}");
        Assert.True(report.OutboxMessages >= 2, $"outbox {report.OutboxMessages}");
        Assert.Equal(1, report.InboundTexts);
        Assert.True(report.Letters >= 3, $"letters {report.Letters}");
        var recorded = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Erasures));
        Assert.Equal(report.ErasureId, recorded.RowKey);
        Assert.Equal(1, recorded.GetInt32("Appointments"));
        Assert.Equal(1, recorded.GetInt32("Invitations"));
        Assert.Equal("office:jcp-lambeth", recorded.GetString("RequestedBy"));
        Assert.Equal("office:jcp-lambeth", report.RequestedBy);
        var appointment = Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Appointments));
        Assert.Equal(report.ErasureId, appointment.GetString("ParentId"));
        Assert.Equal(appointment.PartitionKey, appointment.RowKey); // both keys are the appointment id
        Assert.Equal(report.ErasureId, Assert.Single(await VacancyScenario.AllAsync(services, TableNames.WfiInvitations)).GetString("ParentId"));
    }

    [Fact]
    public async Task After_an_erasure_no_pending_text_is_sent_and_a_second_erasure_finds_nobody()
    {
        await using var services = await PilotServices.StartAsync();
        var parentId = await RegisterAsync(services);
        await Scenario.BookAsync(services, parentId, services.Time.GetUtcNow().AddDays(3));
        await VacancyScenario.DispatchUpToNowAsync(services);
        await SendQueueReader.DrainAsync(services);
        var sentBefore = (await Outbox.AllAsync(services)).Count;

        var report = await services.Get<ParentErasure>().EraseAsync(RoleKeys.LambethOffice, parentId, CancellationToken.None);
        services.Time.Advance(TimeSpan.FromDays(4));
        await VacancyScenario.DispatchUpToNowAsync(services);
        var sentAfter = await SendQueueReader.DrainAsync(services);

        Assert.True(sentBefore >= 1);
        Assert.NotNull(report);
        Assert.True(report.TextsCancelled >= 1);
        Assert.Empty(sentAfter);
        Assert.Empty(await Outbox.AllAsync(services));
        Assert.DoesNotContain(await VacancyScenario.AllAsync(services, TableNames.Texts), t => TextStates.IsPending(t.GetString("State")));
        Assert.Null(await services.Get<ParentErasure>().EraseAsync(RoleKeys.LambethOffice, parentId, CancellationToken.None));
        Assert.Null(await services.Get<ParentStore>().GetAsync(parentId, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_owning_office_or_central_may_erase_and_central_is_recorded_as_who_asked()
    {
        await using var services = await PilotServices.StartAsync();
        var parentId = await RegisterAsync(services);
        var erasure = services.Get<ParentErasure>();

        var byOtherOffice = await erasure.EraseAsync(Caller.Office(RoleKeys.Ealing), parentId, CancellationToken.None);
        var byFeed = await erasure.EraseAsync(Caller.Feed, parentId, CancellationToken.None);
        Assert.NotNull(await services.Get<ParentStore>().GetAsync(parentId, CancellationToken.None));
        var byCentral = await erasure.EraseAsync(Caller.Central, parentId, CancellationToken.None);

        Assert.Null(byOtherOffice);
        Assert.Null(byFeed);
        Assert.Equal("central", byCentral!.RequestedBy);
        Assert.Equal("central", Assert.Single(await VacancyScenario.AllAsync(services, TableNames.Erasures)).GetString("RequestedBy"));
    }

    internal static async Task<string> RegisterAsync(PilotServices services)
    {
        var request = VacancyScenario.Request(mobile: "07700 900417") with
        {
            FirstName = FirstName,
            Address = new AddressRequest([Street, Town], Postcode),
            LastName = LastName,
        };
        var outcome = await services.Get<ParentRegistration>().RegisterAsync(RoleKeys.LambethOffice, request, CancellationToken.None);
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!.Id;
    }

    /// <summary>Every place (table row, blob name, metadata or content) where the parent's id or personal data appears.</summary>
    internal static async Task<List<string>> TracesAsync(PilotServices services, string parentId)
    {
        string[] forbidden = [parentId, Mobile, "07700900417", "447700900417", "7700900417", "07700 900417", FirstName, LastName, "Marigoldhaven", Town, Postcode, "SW99QZ"];
        var traces = new List<string>();
        var storage = services.Get<StorageClients>();
        var prefix = services.Get<IOptions<StorageOptions>>().Value.TablePrefix;
        await foreach (var table in storage.Tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0))
        {
            var client = storage.Tables.GetTableClient(table.Name);
            await foreach (var row in client.QueryAsync<TableEntity>())
            {
                var text = string.Join("|", row.Select(p => $"{p.Key}={p.Value}"));
                if (forbidden.FirstOrDefault(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)) is { } found)
                {
                    traces.Add($"{table.Name[prefix.Length..]} {row.PartitionKey}/{row.RowKey}: {found}");
                }
            }
        }

        var container = storage.Blobs.GetBlobContainerClient(services.Get<IOptions<LetterOptions>>().Value.Container);
        if (await container.ExistsAsync())
        {
            await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
            {
                var content = Encoding.Latin1.GetString((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray());
                var text = blob.Name + "|" + string.Join("|", blob.Metadata.Select(m => $"{m.Key}={m.Value}")) + "|" + content;
                traces.Add($"blob {blob.Name}" + (forbidden.FirstOrDefault(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)) is { } found ? $": {found}" : ""));
            }
        }

        return traces;
    }
}
