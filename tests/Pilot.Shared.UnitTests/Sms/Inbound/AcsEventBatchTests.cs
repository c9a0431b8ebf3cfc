using System.Text;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Shared.UnitTests.Sms.Inbound;

public sealed class AcsEventBatchTests
{
    private const string At = "2026-12-04T10:00:00Z";

    // As ACS's documented samples write it: the envelope in camelCase, the SMS data in PascalCase.
    private const string PascalReceived = $$$"""
        {"id":"e1","topic":"/subscriptions/x/resourceGroups/r/providers/Microsoft.Communication/communicationServices/pilot","subject":"/phonenumber/447700900001","eventType":"Microsoft.Communication.SMSReceived","eventTime":"{{{At}}}","dataVersion":"1.0","metadataVersion":"1",
         "data":{"MessageId":"Incoming_1","From":"+447700900107","To":"+447700900001","Message":"STOP","ReceivedTimestamp":"{{{At}}}"}}
        """;

    private const string CamelReport = $$$"""
        {"id":"e2","subject":"/phonenumber/447700900107","eventType":"Microsoft.Communication.SMSDeliveryReportReceived","eventTime":"{{{At}}}","dataVersion":"1.0",
         "data":{"messageId":"Outgoing_2","from":"+447700900001","to":"+447700900107","deliveryStatus":"Delivered","deliveryStatusDetails":"No error.","tag":"202612041000-r1","receivedTimestamp":"{{{At}}}",
                 "deliveryAttempts":[{"timestamp":"{{{At}}}","segmentsSucceeded":1,"segmentsFailed":0}]}}
        """;

    [Fact]
    public void The_sdk_alone_reads_no_field_of_pascal_case_acs_data()
    {
        // Why the data's keys are camel-cased first. If a later SDK reads PascalCase, this fails: the step can go.
        var parsed = EventGridEvent.Parse(BinaryData.FromString(PascalReceived));
        Assert.True(parsed.TryGetSystemEventData(out var data));
        var received = Assert.IsType<AcsSmsReceivedEventData>(data);
        Assert.Null(received.From);
        Assert.Null(received.MessageId);
    }

    [Fact]
    public void Pascal_case_sms_data_is_read_into_the_sdk_s_model()
    {
        var read = Read($"[{PascalReceived}]");

        Assert.Null(read.Error);
        var item = Assert.Single(read.Events);
        Assert.Equal(("[0]", "e1", "eventTime", true), (item.Path, item.Id, item.TimeField, item.Used));
        Assert.Equal(DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture), item.Time);
        var received = Assert.IsType<AcsSmsReceivedEventData>(item.Data);
        Assert.Equal(("+447700900107", "Incoming_1", "STOP"), (received.From, received.MessageId, received.Message));
        Assert.Equal(item.Time, received.ReceivedTimestamp);
    }

    [Fact]
    public void A_batch_of_a_camel_case_delivery_report_an_unused_event_and_a_handshake_is_read_in_order()
    {
        const string other = """{"id":"e3","subject":"s","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{}}""";
        const string handshake = """{"id":"e4","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{"validationCode":"abc-123","validationUrl":"https://example.org/validate"}}""";

        var read = Read($"[{CamelReport},{other},{handshake}]");

        Assert.Null(read.Error);
        Assert.Equal(["[0]", "[1]", "[2]"], read.Events.Select(e => e.Path));
        var report = Assert.IsType<AcsSmsDeliveryReportReceivedEventData>(read.Events[0].Data);
        Assert.Equal(("Delivered", "No error.", "202612041000-r1", "Outgoing_2"), (report.DeliveryStatus, report.DeliveryStatusDetails, report.Tag, report.MessageId));
        Assert.False(read.Events[1].Used);
        Assert.Null(read.Events[1].Data);
        Assert.Equal("abc-123", Assert.IsType<SubscriptionValidationEventData>(read.Events[2].Data).ValidationCode);
    }

    [Fact]
    public void A_cloud_event_is_read_with_its_own_field_names()
    {
        const string cloud = """{"specversion":"1.0","id":"c1","source":"/acs","type":"Microsoft.Communication.SMSReceived","time":"2026-12-04T10:00:00Z","data":{"MessageId":"Incoming_9","From":"+447700900107","Message":"JOBS OFF"}}""";

        var read = Read(cloud);

        var item = Assert.Single(read.Events);
        Assert.Equal(("c1", "time"), (item.Id, item.TimeField));
        Assert.Equal("JOBS OFF", Assert.IsType<AcsSmsReceivedEventData>(item.Data).Message);

        Assert.Equal("[0].time", Read(cloud.Replace("\"time\":\"2026-12-04T10:00:00Z\",", "", StringComparison.Ordinal)).Error?.Field);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("42", "body")]
    [InlineData("[1]", "[0]")]
    [InlineData("""[{"id":"e","subject":"s","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{}}]""", "[0].eventType")]
    [InlineData("""[{"id":"e","subject":"s","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1"}]""", "[0].data")]
    [InlineData("""[{"subject":"s","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{}}]""", "[0].id")]
    [InlineData("""[{"id":"e","subject":"s","eventType":"Microsoft.Communication.SMSReceived","eventTime":"yesterday","dataVersion":"1","data":{}}]""", "[0].eventTime")]
    [InlineData("""[{"id":"e","subject":5,"eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{}}]""", "[0].subject")]
    [InlineData("""[{"id":"e","subject":"s","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{"From":["+447700900107"]}}]""", "[0].data.from")]
    [InlineData("""[{"id":"e","subject":"s","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{"ReceivedTimestamp":"soon"}}]""", "[0].data.receivedTimestamp")]
    [InlineData("""[{"id":"e","subject":"s","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-12-04T10:00:00Z","dataVersion":"1","data":{"Message":"\ud800"}}]""", "[0]")]
    [InlineData("""[{"specversion":"1.0","id":"c","type":"Microsoft.Communication.SMSReceived","time":"2026-12-04T10:00:00Z","data":{}}]""", "[0]")]
    public void A_batch_that_cannot_be_read_is_refused_naming_the_field(string body, string field)
    {
        var read = Read(body);

        Assert.Equal(field, read.Error?.Field);
        Assert.Empty(read.Events);
    }

    [Theory]
    [InlineData(""" "subject":null, """)]
    [InlineData(""" "dataVersion":null, """)]
    [InlineData(" ")]
    public void An_event_without_the_subject_or_data_version_pilot_never_reads_is_still_read(string extra)
    {
        var read = Read($$$"""[{"id":"e","eventType":"Microsoft.Communication.SMSReceived",{{{extra}}}"eventTime":"2026-12-04T10:00:00Z","data":{"MessageId":"m","From":"+447700900107"}}]""");

        Assert.Null(read.Error);
        Assert.Equal("+447700900107", Assert.IsType<AcsSmsReceivedEventData>(Assert.Single(read.Events).Data).From);
    }

    [Fact]
    public void The_second_event_s_fault_is_named_with_its_place_and_nothing_is_returned()
    {
        var bad = CamelReport.Replace("\"deliveryStatus\":\"Delivered\"", "\"deliveryStatus\":{\"v\":1}", StringComparison.Ordinal);

        var read = Read($"[{PascalReceived},{bad}]");

        Assert.Equal("[1].data.deliveryStatus", read.Error?.Field);
        Assert.Empty(read.Events);
    }

    private static AcsEventBatchRead Read(string body) => AcsEventBatch.Read(Encoding.UTF8.GetBytes(body));
}
