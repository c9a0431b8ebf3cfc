namespace Pilot.Shared.Sms.Templates;

/// <summary>
/// A rendered text is longer than any provider will take (<see cref="SmsText.MaxCharacters"/>, GOV.UK
/// Notify's limit of six fragments). It is never cut silently: the wording or the values must change.
/// </summary>
public sealed class TextTooLongException : Exception
{
    public TextTooLongException()
    {
    }

    public TextTooLongException(string message)
        : base(message)
    {
    }

    public TextTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TextTooLongException(string templateKey, string language, SmsAnalysis analysis)
        : base($"The '{templateKey}' text in '{language}' is {analysis?.Units} {analysis?.Encoding} characters; the most a text may have is {SmsText.MaxCharacters}.")
    {
        TemplateKey = templateKey;
        Units = analysis?.Units ?? 0;
    }

    public string TemplateKey { get; } = "";

    public int Units { get; }
}
