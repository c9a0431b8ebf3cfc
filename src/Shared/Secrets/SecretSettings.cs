using Microsoft.Extensions.Configuration;
using Pilot.Shared.Sms;

namespace Pilot.Shared.Secrets;

/// <summary>
/// Every setting that holds a secret: one line each, checked at start-up (<see cref="SecretCheck"/>). A new secret
/// setting is a new line here, or it is not checked. In Azure each is a Key Vault reference (infra/bicep).
/// </summary>
public static class SecretSettings
{
    public static readonly IReadOnlyList<SecretSetting> All =
    [
        SecretSetting.Required("Wfi:TokenSigningKey", "it signs the letters' choice links"),
        SecretSetting.Required("Sms:NumberKeySecret", "it keys each number's hourly-cap row (NumberHourCounts)"),
        SecretSetting.RequiredWhen("Sms:Twilio:AuthToken", "Sms:Providers includes twilio", c => Uses(c, "twilio")),
        SecretSetting.RequiredWhen("Sms:Acs:ConnectionString", "Sms:Providers includes acs", c => Uses(c, "acs")),
        SecretSetting.Optional("Sms:Acs:EventGridKey", "every Event Grid call is refused"),
        SecretSetting.Optional("Letters:Notify:ApiKey", "letters go to the print batch"),
        SecretSetting.Optional("Access:Offices:*", "that office has no key"),
        SecretSetting.Optional("Access:Centres:*", "that centre manager has no key"),
        SecretSetting.Optional("Access:Central", "no one has the central role"),
        SecretSetting.Optional("Access:Feed", "no one has the feed role"),
        SecretSetting.Optional("Access:Operator", "no one has the operator role"),
    ];

    private static bool Uses(IConfiguration configuration, string provider) =>
        SmsServiceCollectionExtensions.ProviderNames(configuration[$"{SmsOptions.Section}:{nameof(SmsOptions.Providers)}"]).Contains(provider);
}
