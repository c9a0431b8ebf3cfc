using Pilot.Shared.Storage;

namespace Pilot.Shared.UnitTests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("01a216abeca27105a7090d05cca3175c")]
    [InlineData("cc-lambeth-stockwell")]
    [InlineData("O'Brien & <b>")]
    public void Ids_table_storage_can_hold_are_usable(string key) => Assert.True(TableKeys.IsUsable(key));

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\r\nb")]
    [InlineData("a\u0000b")]
    public void Ids_table_storage_would_refuse_are_not_usable(string key) => Assert.False(TableKeys.IsUsable(key));

    [Fact]
    public void A_null_or_very_long_id_is_not_usable()
    {
        Assert.False(TableKeys.IsUsable(null));
        Assert.False(TableKeys.IsUsable(new string('a', 257)));
        Assert.False(TableKeys.IsUsable(new string((char)0xD800, 1)));
    }
}
