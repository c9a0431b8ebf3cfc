using Pilot.Shared.Phones;

namespace Pilot.Shared.UnitTests.Phones;

public sealed class LogSafeTests
{
    [Theory]
    [InlineData("SM0123456789abcdef", "SM***abcdef")]
    [InlineData("+++447700900123", "+++***")]
    [InlineData("07700 900123; DROP TABLE", "***; DROP TABLE")]
    [InlineData("delivered", "delivered")]
    [InlineData("WFI-7KQ3F2", "WFI-7KQ3F2")]
    public void Anything_that_could_be_a_number_is_masked(string value, string logged) => Assert.Equal(logged, LogSafe.Text(value));

    [Fact]
    public void Long_values_are_cut_short() => Assert.Equal(65, LogSafe.Text(new string('x', 500)).Length);
}
