using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.UnitTests.Sms.Outbound;

/// <summary>Every text is a Texts row sent by one sender: nothing else in Pilot.Shared may be given an SMS gateway.</summary>
public sealed class OneSenderTests
{
    [Fact]
    public void Only_the_one_sender_is_given_an_sms_gateway()
    {
        var takers = typeof(TextSender).Assembly.GetTypes()
            .Where(t => !t.IsAssignableTo(typeof(ISmsGateway)))
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType.IsAssignableTo(typeof(ISmsGateway)))))
            .Select(t => t.FullName)
            .ToList();

        Assert.Equal([typeof(TextSender).FullName], takers);
    }
}
