using System.Text.Json.Nodes;

namespace Pilot.IntegrationTests.BadInput;

/// <summary>
/// One valid request per HTTP function. A test fails when a function has none, so every new
/// endpoint is fuzzed from the day it is added.
/// </summary>
public static class EndpointSamples
{
    public const string Mobile = "mobile";
    public const string Postcode = "postcode";
    public const string Instant = "instant";
    public const string Date = "date";
    public const string Id = "id";
    public const string Choice = "choice";
    public const string OfficeKey = "dev-jcp-lambeth";

    private static readonly Dictionary<string, string> Office = new() { ["x-functions-key"] = OfficeKey };

    /// <summary>A valid end for the take-up figures: they are refused beyond two years ahead.</summary>
    private static readonly string NextYear = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, EndpointSample> ByFunction { get; } = new Dictionary<string, EndpointSample>(StringComparer.Ordinal)
    {
        ["Health"] = new(_ => "health", BodyFormat.None, _ => null),
        ["ListVenues"] = new(_ => "venues", BodyFormat.None, _ => null),

        // A new venue (an outreach site of a seeded hub): a mutation that is still valid creates or changes only it.
        ["PutVenue"] = new(
            _ => "venues/cc-fuzz-new",
            BodyFormat.Json,
            _ => JsonNode.Parse("""{"id":"cc-fuzz-new","kind":"centre","name":"Fuzz Outreach Site","localAuthority":"Lambeth","site":"outreach","hubId":"cc-lambeth-stockwell","addressLines":["1 Fuzz Road","London"],"postcode":"SW9 0JQ","phone":"020 7946 0299","openingTimes":[{"days":["Mon","Wed"],"from":"09:30","to":"15:00"}],"openingHours":"Mon, Wed 09:30-15:00","facilities":{"creche":true,"childFriendlyRoom":false}}"""),
            new Dictionary<string, string> { ["kind"] = Choice, ["site"] = Choice, ["postcode"] = Postcode, ["phone"] = Choice, ["hubId"] = Id, ["openingTimes[0].from"] = Instant, ["openingTimes[0].to"] = Instant },
            RouteField: "id",
            RouteFieldKind: Id,
            PathWithRouteValue: v => $"venues/{v}"),

        // A retirement has no body: only bad ids, wrong keys and wrong methods are tried, never a good DELETE of the seeded venue.
        ["RetireVenue"] = new(_ => "venues/cc-lambeth-kennington", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"venues/{v}"),
        ["LoadVenues"] = new(
            _ => "venues",
            BodyFormat.Csv,
            _ => null,
            CsvBody: "id,kind,name,localAuthority,site,hubId,addressLine1,addressLine2,postcode,phone,openingTimes,openingHours,creche,childFriendlyRoom\ncc-fuzz-csv,centre,Fuzz Outreach Site,Lambeth,outreach,cc-lambeth-stockwell,1 Fuzz Road,London,SW9 0JQ,020 7946 0298,\"Mon, Wed 09:30-15:00\",,yes,no\n"),
        ["RegisterParent"] = new(
            _ => "parents",
            BodyFormat.Json,
            _ => JsonNode.Parse("""{"firstName":"Zofia","lastName":"Nowak","mobile":"07700 900456","address":{"lines":["3 Brixton Hill","London"],"postcode":"SW2 1RW"},"preferredLanguage":"pl","consents":{"reminders":true},"availability":[{"days":["Mon","Tue"],"from":"09:15","to":"14:45"}],"termTimeOnly":true,"maxTravelKm":5,"travelMode":"bus","jobInterests":{"categories":["retail"],"keywords":["cashier"]},"minHoursPerWeek":10,"maxHoursPerWeek":20,"acceptUnknownHours":false,"alerts":{"optIn":true,"maxPerWeek":3,"mode":"digest"}}"""),
            new Dictionary<string, string> { ["mobile"] = Mobile, ["address.postcode"] = Postcode, ["availability[0].from"] = Instant, ["travelMode"] = Choice, ["alerts.mode"] = Choice },
            PastedFields: ["mobile", "firstName", "address.lines[0]", "address.lines[1]", "address.postcode"]),
        ["BookAppointment"] = new(
            _ => "appointments",
            BodyFormat.Json,
            s => new JsonObject { ["parentId"] = s.ParentId, ["venueId"] = "cc-lambeth-stockwell", ["startsAt"] = "2031-06-03T10:30:00+01:00", ["kind"] = "adviser", ["adviserName"] = "Priya S." },
            new Dictionary<string, string> { ["startsAt"] = Instant, ["parentId"] = Id, ["venueId"] = Id }),
        ["GetAppointment"] = new(s => $"appointments/{s.AppointmentId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"appointments/{v}"),

        // Every body mutation of a reschedule is invalid, so the real appointment is the target: it must not move.
        ["RescheduleAppointment"] = new(
            s => $"appointments/{s.AppointmentId}/reschedule",
            BodyFormat.Json,
            _ => new JsonObject { ["startsAt"] = "2031-06-04T14:00:00+01:00" },
            new Dictionary<string, string> { ["startsAt"] = Instant },
            RouteField: "id",
            RouteFieldKind: Id,
            PathWithRouteValue: v => $"appointments/{v}/reschedule"),

        // A cancel has no body: only bad ids and wrong methods are tried, never a good request to the real one.
        ["CancelAppointment"] = new(s => $"appointments/{s.AppointmentId}/cancel", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"appointments/{v}/cancel"),
        ["GetSmsCosts"] = new(_ => "sms/costs/2026-03-03", BodyFormat.None, _ => null, RouteField: "date", RouteFieldKind: Date, PathWithRouteValue: v => $"sms/costs/{v}"),
        ["TwilioStatusCallback"] = new(
            _ => "sms/twilio/status?messageId=203106031030-nobody-v1-confirmation",
            BodyFormat.TwilioForm,
            _ => new JsonObject { ["MessageSid"] = "SM0123456789abcdef0123456789abcdef", ["MessageStatus"] = "delivered", ["To"] = "+447700900999", ["From"] = "+447700900001", ["ErrorCode"] = "" }),
        ["TwilioInbound"] = new(
            _ => "sms/twilio/inbound",
            BodyFormat.TwilioForm,
            _ => new JsonObject { ["MessageSid"] = "SM11111111111111111111111111111111", ["From"] = "+447700900999", ["To"] = "+447700900001", ["Body"] = "Thanks", ["NumMedia"] = "0" }),
        ["AcsEvents"] = new(
            _ => "sms/acs/events",
            BodyFormat.EventGrid,
            // Fresh, or it would be refused as a replay (Event Grid retries for a day at most).
            _ => JsonNode.Parse($$$"""[{"id":"e1","topic":"/subscriptions/x/resourceGroups/r/providers/Microsoft.Communication/communicationServices/pilot","subject":"/phonenumbers/+447700900001","eventType":"Microsoft.Communication.SMSReceived","eventTime":"{{{DateTimeOffset.UtcNow:O}}}","dataVersion":"1.0","metadataVersion":"1","data":{"messageId":"m1","from":"+447700900999","to":"+447700900001","message":"Thanks","receivedTimestamp":"{{{DateTimeOffset.UtcNow:O}}}"}}]"""),
            new Dictionary<string, string> { ["[0].eventTime"] = Instant }),
        // An erasure has no body: only bad ids and wrong methods are tried, never a DELETE of the seeded parent.
        ["EraseParent"] = new(s => $"parents/{s.ParentId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"parents/{v}"),
        ["GetParentMatches"] = new(s => $"parents/{s.ParentId}/matches", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"parents/{v}/matches"),
        ["PostVacancies"] = new(
            _ => "vacancies",
            BodyFormat.Json,
            _ => JsonNode.Parse("""{"vacancies":[{"ref":"FUZZ-1","title":"Teaching assistant","employer":"Oakfield Primary School","postcode":"SW9 9TN","hoursText":"Mon-Fri 9.30am-2.30pm","weeklyPattern":[{"days":["Mon"],"from":"09:30","to":"14:30"}],"hoursPerWeek":25,"termTimeOnly":true,"salary":{"min":11000,"max":12000,"period":"year"},"category":"education","keywords":["school"],"expiryDate":"2031-01-01","apply":{"url":"https://example.org/apply","phone":null}}]}"""),
            new Dictionary<string, string> { ["vacancies[0].expiryDate"] = Date },
            ItemsField: "vacancies"),
        ["CreateWfiInvitation"] = new(
            _ => "wfi-invitations",
            BodyFormat.Json,
            s => new JsonObject
            {
                ["parentId"] = s.ParentId,
                ["options"] = new JsonObject { ["jobcentre"] = new JsonObject { ["startsAt"] = "2031-06-10T10:00:00+01:00" }, ["centre"] = new JsonObject { ["startsAt"] = "2031-06-11T10:00:00+01:00", ["venueId"] = "cc-lambeth-stockwell" } },
                ["respondBy"] = "2031-06-05",
            },
            new Dictionary<string, string> { ["options.jobcentre.startsAt"] = Instant, ["options.centre.startsAt"] = Instant, ["respondBy"] = Date },
            Headers: Office),
        ["GetWfiInvitation"] = new(s => $"wfi-invitations/{s.InvitationId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"wfi-invitations/{v}", Headers: Office),
        ["CancelWfiInvitation"] = new(s => $"wfi-invitations/{s.InvitationId}/cancel", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"wfi-invitations/{v}/cancel", Headers: Office),
        ["RecordWfiChoice"] = new(s => $"wfi-invitations/{s.InvitationId}/choice", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"wfi-invitations/{v}/choice", Headers: Office),
        ["RecordWfiAttendance"] = new(s => $"wfi-invitations/{s.InvitationId}/attendance", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"wfi-invitations/{v}/attendance", Headers: Office),
        ["BulkWfiInvitations"] = new(
            _ => "wfi-invitations/bulk",
            BodyFormat.Csv,
            _ => null,
            Headers: Office,
            CsvBody: "parentId,firstName,lastName,mobile,addressLine1,addressLine2,postcode,jobcentreStartsAt,centreStartsAt,respondBy\n,Grace,Mensah,07700 900456,\"Flat 2, 40 Brixton Hill\",London,SW2 1QS,2031-06-10T11:30:00+01:00,2031-06-11T11:30:00+01:00,2031-06-05\n",
            PastedFields: ["mobile", "firstName", "addressLine1", "postcode"]),
        ["WfiTakeUp"] = new(
            _ => $"mi/wfi?from=2026-01-01&to={NextYear}&groupBy=office",
            BodyFormat.None,
            _ => null,
            Headers: Office,
            QueryFields: new Dictionary<string, (string, string)> { ["from"] = ("2026-01-01", Date), ["to"] = (NextYear, Date), ["groupBy"] = ("office", Choice) },
            PathWithRouteValue: null),
        ["TakeUpPage"] = new(
            _ => $"office/take-up?from=2026-01-01&to={NextYear}&groupBy=office",
            BodyFormat.None,
            _ => null,
            Headers: Office,
            QueryFields: new Dictionary<string, (string, string)> { ["from"] = ("2026-01-01", Date), ["to"] = (NextYear, Date), ["groupBy"] = ("office", Choice) },
            HtmlErrors: true),
        ["InvitationPage"] = new(s => $"office/invitations/{s.InvitationId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"office/invitations/{v}", Headers: Office, HtmlErrors: true),

        // The page's forms: only bad ids and junk are tried, never a good action on the seeded invitation.
        ["InvitationActions"] = new(s => $"office/invitations/{s.InvitationId}/actions", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"office/invitations/{v}/actions", Headers: Office, HtmlErrors: true),
        // The office console: the list's filters are tried with bad values; the forms get only junk (no anti-forgery
        // token but the key's), never a good send; the letters only bad ids.
        ["InvitationListPage"] = new(
            _ => $"office/invitations?status=posted&respondFrom=2026-01-01&respondTo={NextYear}",
            BodyFormat.None,
            _ => null,
            Headers: Office,
            QueryFields: new Dictionary<string, (string, string)> { ["status"] = ("posted", Choice), ["respondFrom"] = ("2026-01-01", Date), ["respondTo"] = (NextYear, Date) },
            HtmlErrors: true),
        ["InvitationLetter"] = new(s => $"office/invitations/{s.InvitationId}/letter", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"office/invitations/{v}/letter", Headers: Office, HtmlErrors: true),
        ["LetterPreview"] = new(
            s => $"office/invitations/new/letter?parentId={s.ParentId}&jobcentreStartsAt=2031-06-10T10:00:00%2B01:00&centreStartsAt=2031-06-11T10:00:00%2B01:00&respondBy=2031-06-05",
            BodyFormat.None,
            _ => null,
            Headers: Office,
            HtmlErrors: true),
        ["NewInvitationPage"] = new(_ => "office/invitations/new", BodyFormat.None, _ => null, Headers: Office, HtmlErrors: true),
        ["UploadInvitationsPage"] = new(_ => "office/invitations/upload", BodyFormat.None, _ => null, Headers: Office, HtmlErrors: true),
        // Posts only: junk goes in the query, and with no rows posted every request is refused.
        ["RefusedRowsDownload"] = new(_ => "office/invitations/upload/refused", BodyFormat.None, _ => null, PathWithRouteValue: v => $"office/invitations/upload/refused?x={v}", Headers: Office, HtmlErrors: true),
        ["AppointmentListPage"] = new(_ => "office/appointments", BodyFormat.None, _ => null, Headers: Office, HtmlErrors: true),
        ["NewAppointmentPage"] = new(_ => "office/appointments/new", BodyFormat.None, _ => null, Headers: Office, HtmlErrors: true),

        // The booking form: no good form is sent, so nothing is booked; junk goes in the query.
        ["BookAppointmentPage"] = new(_ => "office/appointments/new", BodyFormat.None, _ => null, PathWithRouteValue: v => $"office/appointments/new?parentId={v}", Headers: Office, HtmlErrors: true),
        ["AppointmentPage"] = new(s => $"office/appointments/{s.AppointmentId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"office/appointments/{v}", Headers: Office, HtmlErrors: true),

        // The page's forms: only bad ids and junk are tried, never a good move or cancel of the seeded appointment.
        ["AppointmentActions"] = new(s => $"office/appointments/{s.AppointmentId}/actions", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"office/appointments/{v}/actions", Headers: Office, HtmlErrors: true),
        ["WfiTakeUpReportRedirect"] = new(_ => $"mi/wfi/report?from=2026-01-01&to={NextYear}", BodyFormat.None, _ => null, HtmlErrors: true),
        ["SignIn"] = new(_ => "sign-in", BodyFormat.None, _ => null, HtmlErrors: true),
        // Signing out takes no route value: junk goes in the query, and with no anti-forgery token every request is refused.
        ["SignOut"] = new(_ => "sign-out", BodyFormat.None, _ => null, PathWithRouteValue: v => $"sign-out?returnUrl={v}", HtmlErrors: true),
        ["GovukAssets"] = new(_ => "govuk/govuk-frontend.min.css", BodyFormat.None, _ => null, RouteField: "path", RouteFieldKind: Id, PathWithRouteValue: v => $"govuk/{v}"),
        // A parent's change and link: only bad ids, wrong keys and junk (a valid PATCH or link would change the seeded
        // parent or send a text); the merge patch's own checks are ParentChangeTests'.
        ["PatchParent"] = new(s => $"parents/{s.ParentId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"parents/{v}", Headers: Office),
        ["SendParentLink"] = new(s => $"parents/{s.ParentId}/link", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"parents/{v}/link", Headers: Office),
        ["ParentConsolePage"] = new(s => $"office/parents/{s.ParentId}", BodyFormat.None, _ => null, RouteField: "id", RouteFieldKind: Id, PathWithRouteValue: v => $"office/parents/{v}", Headers: Office, HtmlErrors: true),
        ["ParentPage"] = new(s => $"p/{s.ParentToken}", BodyFormat.None, _ => null, RouteField: "token", RouteFieldKind: Id, PathWithRouteValue: v => $"p/{v}", HtmlErrors: true),
        ["WfiChoicePage"] = new(s => $"c/{s.ChoiceToken}", BodyFormat.None, _ => null, RouteField: "token", RouteFieldKind: Id, PathWithRouteValue: v => $"c/{v}", HtmlErrors: true),
    };
}
