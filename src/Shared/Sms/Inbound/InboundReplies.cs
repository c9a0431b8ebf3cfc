using Pilot.Shared.Sms.Templates;

namespace Pilot.Shared.Sms.Inbound;

/// <summary>
/// Every answer to an inbound text. The wording lives in the template data (Sms/Templates/Data), in the
/// parent's language where a set exists; English is one GSM-7 fragment each (tests hold it to that).
/// </summary>
public static class InboundReplies
{
    public static string OptedOut(string? language, string? centrePhone = null)
        => TextTemplates.RenderReply(TemplateKeys.OptOutConfirmed, language, centrePhone).Text;

    public static string OptedIn(string? language, string? centrePhone = null)
        => TextTemplates.RenderReply(TemplateKeys.OptInConfirmed, language, centrePhone).Text;

    /// <summary>How to reach the adviser: the centre's number when known, else the file's words for "your children's centre".</summary>
    public static string CannotReadReplies(string? language, string? centrePhone)
        => TextTemplates.RenderReply(
            TemplateKeys.UnknownReply,
            language,
            string.IsNullOrWhiteSpace(centrePhone) ? TextTemplates.For(language).OptionalWord(TemplateWords.YourCentre) : centrePhone).Text;
}
