using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pilot.Shared.Letters.Notify;

namespace Pilot.Shared.UnitTests.Letters;

public sealed class NotifyJwtTests
{
    private const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    private const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    private const string ApiKey = "my_test_key-" + ServiceId + "-" + Secret;

    [Fact]
    public void Api_key_splits_into_service_id_and_secret_even_when_the_name_has_hyphens()
    {
        Assert.Equal(new NotifyApiKey(ServiceId, Secret), NotifyApiKey.Parse(ApiKey));
        Assert.Equal(new NotifyApiKey(ServiceId, Secret), NotifyApiKey.Parse("live-key-for-pilot-" + ServiceId + "-" + Secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("just-a-password")]
    [InlineData(ServiceId + "-" + Secret)] // no key name
    [InlineData("name-" + ServiceId + "x" + Secret)]
    [InlineData("name-not-a-uuid-at-all-not-a-uuid-at-all-0-" + Secret)]
    public void Malformed_api_key_is_refused(string value)
    {
        Assert.False(NotifyApiKey.TryParse(value, out _));
        Assert.Throws<FormatException>(() => NotifyApiKey.Parse(value));
    }

    [Fact]
    public void Api_key_never_prints_its_secret()
    {
        Assert.DoesNotContain(Secret, NotifyApiKey.Parse(ApiKey).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_validates_with_an_independent_jwt_library_as_hs256_from_the_service()
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

        var token = NotifyJwt.Create(NotifyApiKey.Parse(ApiKey), now);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
            ValidIssuer = ServiceId,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal(now.ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("iat"));
    }

    [Fact]
    public async Task Token_signed_with_another_secret_does_not_validate()
    {
        var token = NotifyJwt.Create(new NotifyApiKey(ServiceId, "00000000-0000-4000-8000-000000000000"), DateTimeOffset.UnixEpoch);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
            ValidIssuer = ServiceId,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        Assert.False(result.IsValid);
    }
}
