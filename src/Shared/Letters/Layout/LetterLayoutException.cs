namespace Pilot.Shared.Letters.Layout;

/// <summary>The letter cannot be laid out within Notify's rules (for example far too much text for two
/// pages). Carries no personal data: the message says what broke, not what the text was.</summary>
public sealed class LetterLayoutException : Exception
{
    public LetterLayoutException()
    {
    }

    public LetterLayoutException(string message)
        : base(message)
    {
    }

    public LetterLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
