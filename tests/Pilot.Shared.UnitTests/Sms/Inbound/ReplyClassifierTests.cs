using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Inbound;

namespace Pilot.Shared.UnitTests.Sms.Inbound;

public sealed class ReplyClassifierTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop.")]
    [InlineData("  STOP!!! ")]
    [InlineData("stopall")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("Cancel")]
    [InlineData("end")]
    [InlineData("QUIT")]
    [InlineData("revoke")]
    [InlineData("OPTOUT")]
    [InlineData("opt out")]
    [InlineData("Stop please")]
    [InlineData("please stop texting me")]
    [InlineData("Please stop texting me, thanks")]
    [InlineData("stop sending me messages")]
    [InlineData("No more texts")]
    [InlineData("no more texts please!")]
    [InlineData("don't text me")]
    [InlineData("Don\u2019t text me again")]
    [InlineData("do not text me")]
    [InlineData("unsubscribe me please")]
    [InlineData("Can you stop texting me please")]
    [InlineData("stop x")]
    [InlineData("STOP thank you")]
    [InlineData("remove me from your list")]
    public void Opt_out_words_and_known_phrases_opt_out(string body)
        => Assert.Equal(ReplyKind.OptOut, ReplyClassifier.Classify(body));

    [Theory]
    [InlineData("START")]
    [InlineData("start")]
    [InlineData("Unstop")]
    [InlineData("start again")]
    [InlineData("Please start texting me again")]
    [InlineData("START please!")]
    [InlineData("opt in")]
    public void Opt_in_words_and_phrases_opt_in(string body)
        => Assert.Equal(ReplyKind.OptIn, ReplyClassifier.Classify(body));

    [Theory]
    [InlineData("don't stop")]
    [InlineData("stop by the centre tomorrow?")]
    [InlineData("Can I stop by on Tuesday")]
    [InlineData("cancel my appointment")]
    [InlineData("I need to cancel")]
    [InlineData("what time does it start?")]
    [InlineData("When does the course end")]
    [InlineData("yes")]
    [InlineData("Thanks x")]
    [InlineData("ok see you then")]
    [InlineData("Stopped at the shop, running late")]
    [InlineData("please")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData("I can't make it, can we start later")]
    [InlineData("Who is this?")]
    public void Anything_else_is_for_the_adviser(string body)
        => Assert.Equal(ReplyKind.Unknown, ReplyClassifier.Classify(body));

    [Fact]
    public void Null_is_unknown() => Assert.Equal(ReplyKind.Unknown, ReplyClassifier.Classify(null));

    [Theory]
    [InlineData(null)]
    [InlineData("0300 123 4567")]
    [InlineData("020 7946 0123")]
    public void Every_english_reply_is_plain_english_in_one_gsm7_fragment(string? phone)
    {
        foreach (var body in new[] { InboundReplies.OptedOut("en", phone), InboundReplies.OptedIn("en", phone), InboundReplies.CannotReadReplies("en", phone) })
        {
            var analysis = SmsText.Analyse(body);
            Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
            Assert.Equal(1, analysis.Fragments);
        }
    }

    [Fact]
    public void Replies_are_never_classified_as_opt_out_or_opt_in_themselves()
    {
        foreach (var body in new[] { InboundReplies.OptedOut("en"), InboundReplies.OptedIn("en"), InboundReplies.CannotReadReplies("en", null) })
        {
            Assert.Equal(ReplyKind.Unknown, ReplyClassifier.Classify(body));
        }
    }
}
