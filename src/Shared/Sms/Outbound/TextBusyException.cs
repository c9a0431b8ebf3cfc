namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// Another worker is sending this text right now. Thrown so the queue retries the message after its
/// visibility timeout, by when the other send has finished or its lease has run out.
/// </summary>
public sealed class TextBusyException : Exception
{
    public TextBusyException()
    {
    }

    public TextBusyException(string message)
        : base(message)
    {
    }

    public TextBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
