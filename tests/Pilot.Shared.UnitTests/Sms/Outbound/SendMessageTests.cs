using System.Text.Json;
using Pilot.Shared;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.UnitTests.Sms.Outbound;

public sealed class SendMessageTests
{
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
    public void The_tick_cannot_write_a_message_for_no_text_or_more_than_sixteen()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SendMessage.For("202603030930", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => SendMessage.For("202603030930", [.. Enumerable.Range(0, 17).Select(i => $"t{i}")]));
    }
}
