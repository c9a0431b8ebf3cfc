using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Shared.UnitTests.Sms.Inbound;

public sealed class TwilioDeliveryStatusesTests
{
    [Theory]
    [InlineData("queued", null, null)]
    [InlineData("accepted", null, null)]
    [InlineData("scheduled", null, null)]
    [InlineData("sending", null, null)]
    [InlineData("read", null, null)]
    [InlineData("sent", null, SmsDeliveryStatus.Sent)]
    [InlineData("delivered", null, SmsDeliveryStatus.Delivered)]
    [InlineData("undelivered", "30003", SmsDeliveryStatus.TemporaryFailure)]
    [InlineData("undelivered", "30005", SmsDeliveryStatus.PermanentFailure)]
    [InlineData("undelivered", "30006", SmsDeliveryStatus.PermanentFailure)]
    [InlineData("undelivered", "30004", SmsDeliveryStatus.PermanentFailure)]
    [InlineData("undelivered", "21610", SmsDeliveryStatus.PermanentFailure)]
    [InlineData("failed", "30008", SmsDeliveryStatus.TechnicalFailure)]
    [InlineData("failed", null, SmsDeliveryStatus.TechnicalFailure)]
    [InlineData("failed", "30007", SmsDeliveryStatus.PermanentFailure)]
    public void Twilio_statuses_map_to_notify_statuses(string status, string? errorCode, SmsDeliveryStatus? expected)
        => Assert.Equal(expected, TwilioDeliveryStatuses.Map(status, errorCode));

    [Theory]
    [InlineData("Delivered", null, SmsDeliveryStatus.Delivered)]
    [InlineData("Failed", "Message expired before delivery", SmsDeliveryStatus.TemporaryFailure)]
    [InlineData("Failed", "The destination number is invalid", SmsDeliveryStatus.PermanentFailure)]
    [InlineData("Failed", "Recipient has opted out", SmsDeliveryStatus.PermanentFailure)]
    [InlineData("Expired", null, null)]
    public void Acs_statuses_map_to_notify_statuses(string status, string? details, SmsDeliveryStatus? expected)
        => Assert.Equal(expected, AcsDeliveryStatuses.Map(status, details));
}
