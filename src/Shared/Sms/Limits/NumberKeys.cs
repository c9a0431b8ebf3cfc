using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.Sms.Limits;

/// <summary>
/// The key a number's rows are stored under: HMAC-SHA256 of the E.164 number with <c>Sms:NumberKeySecret</c>, as
/// lower-case hex. A bare SHA-256 would not hide the number: there are only about 10^9 UK mobiles, so anyone who
/// reads the table could hash them all and match. Without the secret the key says nothing.
/// </summary>
public sealed class NumberKeys(IOptions<SmsOptions> options)
{
    public string KeyOf(string number) => KeyOf(number, options.Value.NumberKey());

    public static string KeyOf(string number, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(number)));
    }
}
