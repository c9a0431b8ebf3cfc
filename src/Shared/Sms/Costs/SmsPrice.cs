namespace Pilot.Shared.Sms.Costs;

/// <summary>Providers bill per fragment, so a text costs its fragments times the price of one.</summary>
public static class SmsPrice
{
    public static decimal Of(int fragments, decimal pricePerFragment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fragments);
        ArgumentOutOfRangeException.ThrowIfNegative(pricePerFragment);
        return fragments * pricePerFragment;
    }
}
