using System.Text.Json;
using Pilot.Shared;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.UnitTests.Sms.Outbound;

public sealed class SendMessageTests
{
    /// <summary>
    /// How the isolated worker binds a queue message to <see cref="SendMessage"/>: WorkerOptions.Serializer, by default
    /// System.Text.Json with PropertyNameCaseInsensitive and nothing else (not the Web defaults the message is written with).
    /// </summary>
    private static readonly JsonSerializerOptions WorkerDefaults = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public void A_message_written_for_one_text_reads_as_the_text_reference_every_lane_uses()
    {
        var json = JsonSerializer.Serialize(SendMessage.For(new TextRef("202603030930", "a1-v1-reminder-1d")), JsonDefaults.Web);

        Assert.Equal("""{"bucket":"202603030930","textId":"a1-v1-reminder-1d"}""", json);
        Assert.Equal(new TextRef("202603030930", "a1-v1-reminder-1d"), JsonSerializer.Deserialize<TextRef>(json, JsonDefaults.Web));
        Assert.Equal([new TextRef("202603030930", "a1-v1-reminder-1d")], JsonSerializer.Deserialize<SendMessage>(json, JsonDefaults.Web)!.Texts());
    }

    [Fact]
    public void A_message_for_several_texts_names_them_in_one_due_minute_once_each()
    {
        var json = JsonSerializer.Serialize(SendMessage.For("202603030930", ["t1", "t2", "t1"]), JsonDefaults.Web);

        Assert.Equal("""{"bucket":"202603030930","textIds":["t1","t2","t1"]}""", json);
        Assert.Equal([new TextRef("202603030930", "t1"), new TextRef("202603030930", "t2")], JsonSerializer.Deserialize<SendMessage>(json, JsonDefaults.Web)!.Texts());
    }

    [Theory]
    [InlineData("""{"unexpected":true}""", "bucket is required")]
    [InlineData("""{"bucket":"202603030930"}""", "exactly one of textId and textIds")]
    [InlineData("""{"bucket":"202603030930","textId":"t1","textIds":["t2"]}""", "exactly one of textId and textIds")]
    [InlineData("""{"bucket":"202603030930","textId":" "}""", "textId is empty")]
    [InlineData("""{"bucket":"202603030930","textIds":[]}""", "textIds names 0 texts")]
    [InlineData("""{"bucket":"202603030930","textIds":["t1",""]}""", "textIds holds an empty id")]
    [InlineData("""{"bucket":"202603030930","textIds":["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17"]}""", "textIds names 17 texts")]
    public void A_message_that_names_its_texts_badly_says_which_field_is_wrong(string json, string expected)
    {
        var message = JsonSerializer.Deserialize<SendMessage>(json, JsonDefaults.Web)!;

        var error = Assert.Throws<FormatException>(() => message.Texts());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_carries_only_rows_waiting_to_be_sent_with_no_number_or_wording_and_gives_each_back_with_its_etag()
    {
        var waiting = Text("t1", TextStates.Queued, "W/\"1\"");
        var sending = Text("t2", TextStates.Sending, "W/\"2\"");
        var unknownETag = Text("t3", TextStates.Queued, null);
        var worded = Text("t4", TextStates.Scheduled, "W/\"4\"");
        worded.Body = "Reminder";

        var json = JsonSerializer.Serialize(SendMessage.Carrying("202603030930", [waiting, sending, unknownETag, worded]), JsonDefaults.Web);
        var message = JsonSerializer.Deserialize<SendMessage>(json, JsonDefaults.Web)!;

        Assert.Equal(["t1", "t2", "t3", "t4"], message.Texts().Select(t => t.TextId));
        var carried = message.CarriedRow(new TextRef("202603030930", "t1"));
        Assert.NotNull(carried);
        Assert.Equal((new Azure.ETag("W/\"1\""), "a1", TextStates.Queued), (carried.ETag, carried.AppointmentId, carried.State));
        Assert.All(new[] { "t2", "t3", "t4" }, id => Assert.Null(message.CarriedRow(new TextRef("202603030930", id))));
        Assert.Null(message.CarriedRow(new TextRef("202603030931", "t1"))); // another minute's text of the same id
        Assert.DoesNotContain("+44", json, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<SendMessage>("""{"bucket":"202603030930","textIds":["t1"]}""", JsonDefaults.Web)!.CarriedRow(new TextRef("202603030930", "t1")));
    }

    [Fact]
    public void The_functions_worker_reads_a_carried_row_with_its_own_json_options()
    {
        var json = JsonSerializer.Serialize(SendMessage.Carrying("202603030930", [Text("t1", TextStates.Queued, "W/\"1\"")]), JsonDefaults.Web);

        var carried = JsonSerializer.Deserialize<SendMessage>(json, WorkerDefaults)!.CarriedRow(new TextRef("202603030930", "t1"));

        Assert.NotNull(carried);
        Assert.Equal((new Azure.ETag("W/\"1\""), "a1", "reminder-1d", TextStates.Queued), (carried.ETag, carried.AppointmentId, carried.Kind, carried.State));
    }

    [Fact]
    public void A_carried_row_that_does_not_match_a_named_text_is_not_used_and_does_not_refuse_the_message()
    {
        const string json = """{"bucket":"202603030930","textIds":["t1"],"rows":[{"eTag":"W/\"1\"","row":{"partitionKey":"202603030930","rowKey":"t9","state":"queued"}},{"eTag":"","row":{"partitionKey":"202603030930","rowKey":"t1","state":"queued"}}]}""";
        var message = JsonSerializer.Deserialize<SendMessage>(json, JsonDefaults.Web)!;

        Assert.Equal([new TextRef("202603030930", "t1")], message.Texts());
        Assert.Null(message.CarriedRow(new TextRef("202603030930", "t1")));
    }

    [Fact]
    public void A_message_that_carries_no_row_has_no_rows_field()
    {
        var json = JsonSerializer.Serialize(SendMessage.Carrying("202603030930", [Text("t1", TextStates.Queued, null), Text("t2", TextStates.Sending, "W/\"2\"")]), JsonDefaults.Web);

        Assert.Equal("""{"bucket":"202603030930","textIds":["t1","t2"]}""", json);
    }

    [Fact]
    public void Rows_too_long_for_one_queue_message_are_named_only_and_read_by_the_sender()
    {
        var alerts = Enumerable.Range(0, SendMessage.MaxTexts).Select(i => Text($"t{i}", TextStates.Queued, $"W/\"{i}\"")).ToList();
        var items = "[" + string.Join(',', Enumerable.Range(0, 40).Select(v => $$"""{"ref":"vacancies|employer-{{v:D4}}-a-long-reference","distanceKm":1.25}""")) + "]";
        foreach (var alert in alerts)
        {
            alert.AlertItems = items;
        }

        var fits = SendQueueWriter.CarryingBody("202603030930", alerts[..2]);
        var tooLong = SendQueueWriter.CarryingBody("202603030930", alerts);

        Assert.Contains("\"rows\"", fits, StringComparison.Ordinal);
        Assert.True(JsonSerializer.Serialize(SendMessage.Carrying("202603030930", alerts), JsonDefaults.Web).Length > SendQueueWriter.MostCarried);
        Assert.True(tooLong.Length <= SendQueueWriter.MostCarried);
        var named = JsonSerializer.Deserialize<SendMessage>(tooLong, JsonDefaults.Web)!;
        Assert.Equal(alerts.Select(a => a.RowKey), named.Texts().Select(t => t.TextId));
        Assert.Null(named.Rows);
    }

    private static TextEntity Text(string id, string state, string? etag) => new()
    {
        PartitionKey = "202603030930",
        RowKey = id,
        AppointmentId = "a1",
        Kind = "reminder-1d",
        State = state,
        To = state == TextStates.Sending ? "+447700900123" : null,
        ETag = etag is null ? default : new Azure.ETag(etag),
    };

    [Fact]
    public void The_tick_cannot_write_a_message_for_no_text_or_more_than_sixteen()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SendMessage.For("202603030930", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => SendMessage.For("202603030930", [.. Enumerable.Range(0, 17).Select(i => $"t{i}")]));
    }
}
