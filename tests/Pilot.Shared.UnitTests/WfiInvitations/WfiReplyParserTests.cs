using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class WfiReplyParserTests
{
    private const string Jobcentre = "Brixton Jobcentre Plus";
    private const string Centre = "Stockwell Park Children's Centre";

    [Theory]
    [InlineData("1", WfiOptionKeys.Jobcentre)]
    [InlineData(" 1. ", WfiOptionKeys.Jobcentre)]
    [InlineData("one", WfiOptionKeys.Jobcentre)]
    [InlineData("Jobcentre", WfiOptionKeys.Jobcentre)]
    [InlineData("job centre please", WfiOptionKeys.Jobcentre)]
    [InlineData("brixton jobcentre plus", WfiOptionKeys.Jobcentre)]
    [InlineData("2", WfiOptionKeys.Centre)]
    [InlineData("2 please x", WfiOptionKeys.Centre)]
    [InlineData("Option 2 thanks", WfiOptionKeys.Centre)]
    [InlineData("Centre", WfiOptionKeys.Centre)]
    [InlineData("the children's centre", WfiOptionKeys.Centre)]
    [InlineData("Stockwell Park Children\u2019s Centre", WfiOptionKeys.Centre)]
    [InlineData("I choose stockwell park childrens centre", WfiOptionKeys.Centre)]
    public void Choices_by_number_word_or_venue_name_are_understood(string body, string expected)
    {
        var reply = WfiReplyParser.Read(body);

        Assert.Null(reply.Reference);
        Assert.Equal(expected, WfiReplyParser.OptionFor(reply.Words, Jobcentre, Centre));
    }

    [Theory]
    [InlineData("can I come at 2pm?")]
    [InlineData("12")]
    [InlineData("1 or 2")]
    [InlineData("thanks")]
    [InlineData("stockwell")]
    [InlineData("what is this about")]
    public void Texts_that_name_no_single_option_are_not_choices(string body)
        => Assert.Null(WfiReplyParser.OptionFor(WfiReplyParser.Read(body).Words, Jobcentre, Centre));

    [Theory]
    [InlineData("WFI-7KQ3F2 2", "WFI-7KQ3F2", WfiOptionKeys.Centre)]
    [InlineData("wfi 7kq3f2 1", "WFI-7KQ3F2", WfiOptionKeys.Jobcentre)]
    [InlineData("2 wfi7kq3f2", "WFI-7KQ3F2", WfiOptionKeys.Centre)]
    [InlineData("Centre please, ref WFI-ABC234", "WFI-ABC234", WfiOptionKeys.Centre)]
    public void A_reference_anywhere_in_the_text_is_found_and_the_rest_read_as_the_choice(string body, string reference, string expected)
    {
        var reply = WfiReplyParser.Read(body);

        Assert.Equal(reference, reply.Reference);
        Assert.Equal(expected, WfiReplyParser.OptionFor(reply.Words, Jobcentre, Centre));
    }

    [Fact]
    public void New_references_have_the_printed_form_and_are_found_again()
    {
        for (var i = 0; i < 200; i++)
        {
            var reference = WfiReference.New();
            Assert.Matches("^WFI-[2-9A-HJ-KM-NP-TV-Z]{6}$", reference);
            Assert.True(WfiReference.TryFind(reference.ToLowerInvariant() + " 2", out var found, out _));
            Assert.Equal(reference, found);
        }
    }
}
