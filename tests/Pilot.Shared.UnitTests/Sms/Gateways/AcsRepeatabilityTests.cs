using Pilot.Shared.Sms.Acs;

namespace Pilot.Shared.UnitTests.Sms.Gateways;

public sealed class AcsRepeatabilityTests
{
    private const string MessageId = "202603030900-appt1-v1-confirmation";

    [Fact]
    public void Repeatability_id_is_the_same_for_every_retry_of_a_message_and_differs_between_messages()
    {
        Assert.Equal(AcsRepeatability.RequestId(MessageId), AcsRepeatability.RequestId(MessageId));
        Assert.NotEqual(AcsRepeatability.RequestId(MessageId), AcsRepeatability.RequestId("202603030900-appt1-v1-reminder-1d"));
    }

    [Fact]
    public void Repeatability_id_is_the_first_16_bytes_of_sha256_stamped_as_a_version_4_uuid()
    {
        // SHA-256 of the id, first 16 bytes (computed outside .NET): 821f5a31bc6d773bf593a131a78d1898.
        var bytes = Convert.FromHexString("821f5a31bc6d773bf593a131a78d1898");
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var id = AcsRepeatability.RequestId(MessageId);

        Assert.Equal(new Guid(bytes), id);
        Assert.Equal(4, id.Version);
    }

    [Fact]
    public void First_sent_is_the_due_minute_of_the_message_id_in_rfc_1123()
    {
        Assert.Equal("Tue, 03 Mar 2026 09:00:00 GMT", AcsRepeatability.FirstSent(MessageId));
        Assert.Throws<ArgumentException>(() => AcsRepeatability.FirstSent("no-minute"));
    }

    [Fact]
    public void First_sent_of_an_id_without_a_due_minute_is_the_time_the_sender_gives()
    {
        var posted = new DateTimeOffset(2026, 3, 3, 10, 15, 42, 123, TimeSpan.FromHours(1));

        Assert.Equal("Tue, 03 Mar 2026 09:15:42 GMT", AcsRepeatability.FirstSent("wfi-abc-letter", posted));
        Assert.Equal("Tue, 03 Mar 2026 09:00:00 GMT", AcsRepeatability.FirstSent(MessageId, posted));
    }
}
