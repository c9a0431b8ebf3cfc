using System.Text;
using System.Text.Json;
using Pilot.Shared.Access;
using Pilot.Shared.Pages;

namespace Pilot.Shared.UnitTests.Pages;

public sealed class EasyAuthPrincipalTests
{
    private static string Header(params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "roles",
        claims = roles.Select(r => new { typ = "roles", val = r }).Append(new { typ = "name", val = "A. Adviser" }).ToArray(),
    })));

    [Theory]
    [InlineData("Central", "central")]
    [InlineData("Office.jcp-lambeth", "office:jcp-lambeth")]
    [InlineData("Centre.cc-lambeth-stockwell", "centre:cc-lambeth-stockwell")]
    public void An_app_role_is_one_principal(string role, string principal)
        => Assert.Equal(principal, EasyAuthPrincipal.Read(Header(role))!.Principal);

    [Fact]
    public void No_pilot_role_or_two_of_them_is_no_one()
    {
        Assert.Null(EasyAuthPrincipal.Read(Header()));
        Assert.Null(EasyAuthPrincipal.Read(Header("Reader")));
        Assert.Null(EasyAuthPrincipal.Read(Header("Office.jcp-lambeth", "Central")));
        Assert.Equal(Caller.Central, EasyAuthPrincipal.Read(Header("Central", "Central", "Reader")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("W10=")]
    public void A_header_that_is_not_a_principal_is_no_one(string? header) => Assert.Null(EasyAuthPrincipal.Read(header));
}
