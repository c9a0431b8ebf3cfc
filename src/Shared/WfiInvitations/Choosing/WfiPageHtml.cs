using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Pilot.Shared.Time;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>
/// The choice pages, in the GOV.UK style: one column, large type, a plain form with radio buttons and
/// a button. No JavaScript; every value is HTML-encoded.
/// </summary>
public static class WfiPageHtml
{
    private const string Style =
        "body{margin:0;font-family:Arial,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;background:#fff}" +
        "header{background:#0b0c0c;color:#fff;padding:10px 15px;font-weight:bold;font-size:24px}" +
        "main{max-width:640px;margin:0 auto;padding:20px 15px}" +
        "h1{font-size:32px;line-height:1.1;margin:0 0 20px}" +
        "fieldset{border:0;margin:0 0 20px;padding:0}legend{font-size:24px;font-weight:bold;margin-bottom:10px}" +
        ".option{display:flex;gap:10px;margin-bottom:15px;align-items:flex-start}" +
        ".option input{width:32px;height:32px;margin:0;flex:none}.option label{cursor:pointer}" +
        ".hint{color:#505a5f}" +
        ".error{border-left:5px solid #d4351c;padding-left:15px;color:#d4351c;font-weight:bold}" +
        ".panel{background:#00703c;color:#fff;padding:20px;margin-bottom:20px}.panel h1{margin:0}" +
        "button{background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;font-size:19px;padding:10px 15px;cursor:pointer}" +
        "button:focus,input:focus{outline:3px solid #fd0;outline-offset:0}" +
        "@media (max-width:640px){body{font-size:16px}h1{font-size:24px}}";

    /// <summary>The CSP source for the inline style: its SHA-256.</summary>
    public static string StyleHash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Form(WfiPageModel model, string? error)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new StringBuilder();
        body.Append("<h1>Where would you like your Work-Focused Interview?</h1>");
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        }

        if (model.Chosen is { } chosen)
        {
            body.Append("<p>You chose <strong>").Append(E(chosen == WfiOptionKeys.Centre ? model.Centre.Name : model.Jobcentre.Name))
                .Append("</strong>. You can change your mind until the end of ").Append(E(model.RespondByText)).Append(".</p>");
        }
        else
        {
            body.Append("<p>Please choose by the end of ").Append(E(model.RespondByText)).Append(". If we do not hear from you, your interview will be at the Jobcentre.</p>");
        }

        body.Append("<form method=\"post\" action=\"").Append(E(model.Action)).Append("\"><fieldset><legend>Choose one</legend>");
        AppendOption(body, WfiOptionKeys.Jobcentre, "1", model.Jobcentre, model.JobcentreStartsAt, model.Chosen);
        AppendOption(body, WfiOptionKeys.Centre, "2", model.Centre, model.CentreStartsAt, model.Chosen);
        body.Append("</fieldset><button type=\"submit\">Confirm my choice</button></form>");
        AppendFooter(body, model);
        return Page("Choose where to have your interview", body.ToString());
    }

    public static string Booked(WfiPageModel model, string option, bool changed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (venue, startsAt) = option == WfiOptionKeys.Centre ? (model.Centre, model.CentreStartsAt) : (model.Jobcentre, model.JobcentreStartsAt);
        var body = new StringBuilder();
        body.Append("<div class=\"panel\"><h1>").Append(changed ? "Your interview is booked" : "Your interview was already booked").Append("</h1></div>");
        body.Append("<p>Your Work-Focused Interview is on <strong>").Append(E(When(startsAt))).Append("</strong> at:</p>");
        AppendVenue(body, venue);
        body.Append("<p>We will send you a reminder by text if you have asked for reminders.</p>");
        body.Append("<p><a href=\"").Append(E(model.Action)).Append("\">Change my choice</a> (until the end of ").Append(E(model.RespondByText)).Append(")</p>");
        AppendFooter(body, model);
        return Page("Your interview is booked", body.ToString());
    }

    /// <summary>A page for a link that no longer offers a choice: expired, cancelled, defaulted or closed.</summary>
    public static string Message(string title, string text, WfiPageModel? model)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(title)).Append("</h1><p>").Append(E(text)).Append("</p>");
        if (model is not null)
        {
            AppendFooter(body, model);
        }

        return Page(title, body.ToString());
    }

    public static string When(DateTimeOffset instant)
        => LondonTime.ToLocal(instant).ToString("dddd d MMMM yyyy 'at' HH:mm", English);

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    private static void AppendOption(StringBuilder body, string value, string number, Venue venue, DateTimeOffset startsAt, string? chosen)
    {
        var id = "choice-" + value;
        body.Append("<div class=\"option\"><input type=\"radio\" name=\"choice\" id=\"").Append(id).Append("\" value=\"").Append(value).Append('"')
            .Append(chosen == value ? " checked" : "").Append("><label for=\"").Append(id).Append("\"><strong>").Append(number).Append(". ")
            .Append(E(venue.Name)).Append("</strong><br>").Append(E(When(startsAt))).Append("<br><span class=\"hint\">")
            .Append(E(string.Join(", ", [.. venue.AddressLines, venue.Postcode]))).Append("</span>");
        var offers = venue.Kind == VenueKinds.Centre ? Letters.WfiLetterComposer.Offers(venue) : [];
        if (offers.Count > 0)
        {
            body.Append("<br><span class=\"hint\">").Append(E(string.Join(", ", offers))).Append("</span>");
        }

        body.Append("</label></div>");
    }

    private static void AppendVenue(StringBuilder body, Venue venue)
        => body.Append("<p><strong>").Append(E(venue.Name)).Append("</strong><br>").Append(E(string.Join(", ", [.. venue.AddressLines, venue.Postcode]))).Append("</p>");

    private static void AppendFooter(StringBuilder body, WfiPageModel model)
        => body.Append("<p class=\"hint\">Reference ").Append(E(model.Reference)).Append(". Questions? Call ").Append(E(model.OfficeName)).Append(" on ").Append(E(model.OfficePhone)).Append(".</p>");

    private static string Page(string title, string body) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<meta name=\"robots\" content=\"noindex\"><title>" + E(title) + " - Jobcentre Plus</title><style>" + Style + "</style></head>" +
        "<body><header>Jobcentre Plus</header><main>" + body + "</main></body></html>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>What the choice pages show about one invitation.</summary>
public sealed record WfiPageModel(
    string Reference,
    string Action,
    Venue Jobcentre,
    DateTimeOffset JobcentreStartsAt,
    Venue Centre,
    DateTimeOffset CentreStartsAt,
    string RespondByText,
    string? Chosen,
    string OfficeName,
    string OfficePhone);
