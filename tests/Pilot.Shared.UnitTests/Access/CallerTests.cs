using Pilot.Shared.Access;

namespace Pilot.Shared.UnitTests.Access;

public sealed class CallerTests
{
    [Fact]
    public void An_office_reads_and_changes_only_its_own_records()
    {
        var lambeth = Caller.Office("jcp-lambeth");

        Assert.True(lambeth.CanRead("jcp-lambeth"));
        Assert.True(lambeth.CanChange("jcp-lambeth"));
        Assert.False(lambeth.CanRead("jcp-ealing"));
        Assert.False(lambeth.CanChange("jcp-ealing"));
        Assert.False(lambeth.CanRead(null));
    }

    [Fact]
    public void Central_reads_every_office_but_changes_none()
    {
        Assert.True(Caller.Central.CanRead("jcp-ealing"));
        Assert.False(Caller.Central.CanChange("jcp-ealing"));
    }

    [Theory]
    [InlineData(Role.Centre)]
    [InlineData(Role.Feed)]
    [InlineData(Role.Operator)]
    public void Other_roles_neither_read_nor_change_office_records(Role role)
    {
        var caller = new Caller(role, role == Role.Centre ? "cc-lambeth-stockwell" : null);

        Assert.False(caller.CanRead("jcp-lambeth"));
        Assert.False(caller.CanChange("jcp-lambeth"));
    }

    [Fact]
    public void A_principal_is_named_by_role_and_id()
    {
        Assert.Equal("office:jcp-lambeth", Caller.Office("jcp-lambeth").Principal);
        Assert.Equal("centre:cc-lambeth-stockwell", Caller.Centre("cc-lambeth-stockwell").Principal);
        Assert.Equal("central", Caller.Central.Principal);
    }

    [Fact]
    public void An_endpoint_admits_only_the_roles_it_declares()
    {
        Role[] admitted = [Role.Office, Role.Central];

        Assert.Equal(AccessVerdict.Admitted, AccessDecision.Decide(admitted, Caller.Office("jcp-lambeth")));
        Assert.Equal(AccessVerdict.Forbidden, AccessDecision.Decide(admitted, Caller.Feed));
        Assert.Equal(AccessVerdict.Unauthenticated, AccessDecision.Decide(admitted, null));
        Assert.Equal(AccessVerdict.Forbidden, AccessDecision.Decide([], Caller.Central));
        Assert.Equal("office or central", AccessDecision.Describe(admitted));
    }
}
