namespace Pilot.Shared.Sms;

/// <summary>How a text travels: GSM-7 keeps plain English to 160 characters a fragment; any other character forces UCS-2 (70).</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
