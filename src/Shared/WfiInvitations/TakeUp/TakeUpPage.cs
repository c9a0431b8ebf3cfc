using System.Globalization;
using Pilot.Shared.Access;
using Pilot.Shared.Pages;
using Pilot.Shared.Validation;

namespace Pilot.Shared.WfiInvitations.TakeUp;

/// <summary>
/// The take-up report page (<c>/api/office/take-up</c>): the figures of <c>GET /api/mi/wfi</c> from the same
/// <see cref="WfiTakeUpReport"/>, as a table, a bar chart and a CSV link. With no period chosen it shows the last
/// 30 days (London dates, to the end of today).
/// </summary>
public sealed class TakeUpPage(WfiTakeUpReport report, TimeProvider time)
{
    public const int DefaultDays = 30;

    public async Task<TakeUpPageView> BuildAsync(Caller caller, string? from, string? to, string? groupBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (from is null && to is null)
        {
            var today = RespondByDate.LondonDate(time.GetUtcNow());
            from = RespondByDate.Text(today.AddDays(-DefaultDays));
            to = RespondByDate.Text(today.AddDays(1));
        }

        var outcome = await report.BuildAsync(caller, from, to, groupBy, ct);
        var chosenGroup = string.IsNullOrWhiteSpace(groupBy) ? WfiTakeUpReport.ByOffice : groupBy.Trim();
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = from,
            ["to"] = to,
            ["scope"] = Scope(caller),
            ["group_options"] = GroupOptions(chosenGroup),
            ["from_error"] = ErrorOf(outcome.Errors, "from"),
            ["to_error"] = ErrorOf(outcome.Errors, "to"),
            ["group_error"] = ErrorOf(outcome.Errors, "groupBy"),
        };
        if (outcome.IsOk)
        {
            var figures = outcome.Value!;
            model["report"] = Figures(figures);
            model["csv_href"] = $"{PagePaths.TakeUp}?from={Uri.EscapeDataString(figures.From)}&to={Uri.EscapeDataString(figures.To)}&groupBy={Uri.EscapeDataString(figures.GroupBy)}&format=csv";
        }

        return new TakeUpPageView(outcome, model);
    }

    private static Dictionary<string, object?> Figures(WfiTakeUp figures)
    {
        var chart = TakeUpChart.Draw(figures.Groups);
        var heading = figures.GroupBy switch
        {
            WfiTakeUpReport.ByCentre => "Centre offered",
            WfiTakeUpReport.ByLocalAuthority => "Local authority",
            _ => "Jobcentre office",
        };
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = figures.From,
            ["to_inclusive"] = RespondByDate.Text(DateOnly.ParseExact(figures.To, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1)),
            ["group_heading"] = heading,
            ["rows"] = figures.Groups.Select(g => (object?)Row(g)).ToList(),
            ["total"] = Row(figures.Total),
            ["empty"] = figures.Groups.Count == 0,
            ["chart"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["width"] = N(chart.Width),
                ["height"] = N(chart.Height),
                ["plot_left"] = N(chart.PlotLeft),
                ["plot_right"] = N(chart.Width - 8),
                ["plot_bottom"] = N(chart.PlotBottom),
                ["scale_max"] = chart.ScaleMax,
                ["description"] = Description(figures, heading),
                ["ticks"] = chart.Ticks.Select(t => (object?)new Dictionary<string, object?> { ["label"] = t.Label, ["y"] = N(t.Y), ["text_y"] = N(t.Y + 4), ["x"] = N(chart.PlotLeft - 6) }).ToList(),
                ["legend"] = chart.Legend.Select((s, i) => (object?)new Dictionary<string, object?> { ["name"] = s.Name, ["colour"] = s.Colour, ["x"] = N(chart.PlotLeft + (i % 3) * 150), ["y"] = N(8 + (i / 3) * 20), ["text_x"] = N(chart.PlotLeft + (i % 3) * 150 + 18), ["text_y"] = N(20 + (i / 3) * 20) }).ToList(),
                ["labels"] = chart.GroupLabels.Select(l => (object?)new Dictionary<string, object?> { ["text"] = l.Text, ["x"] = N(l.X), ["y"] = N(l.Y) }).ToList(),
                ["bars"] = chart.Bars.Select(b => (object?)new Dictionary<string, object?>
                {
                    ["group"] = b.GroupKey,
                    ["group_name"] = b.GroupName,
                    ["series"] = b.Series.Key,
                    ["series_name"] = b.Series.Name,
                    ["colour"] = b.Series.Colour,
                    ["value"] = b.Value,
                    ["x"] = N(b.X),
                    ["y"] = N(b.Y),
                    ["width"] = N(b.Width),
                    ["height"] = N(b.Height),
                }).ToList(),
            },
        };
    }

    private static Dictionary<string, object?> Row(WfiTakeUpGroup g) => new(StringComparer.Ordinal)
    {
        ["key"] = g.Key,
        ["name"] = g.Name,
        ["invitations"] = g.Invitations,
        ["sent"] = g.Sent,
        ["answered"] = g.Answered.Total,
        ["answered_text"] = g.Answered.Text,
        ["answered_web"] = g.Answered.Web,
        ["answered_phone"] = g.Answered.Phone,
        ["chose_centre"] = g.ChoseCentre,
        ["centre_share"] = g.CentreShare is { } share ? share.ToString("P0", CultureInfo.GetCultureInfo("en-GB")) : "none answered",
        ["defaulted"] = g.Defaulted,
        ["cancelled"] = g.Cancelled,
        ["attended"] = g.Attendance.Attended,
        ["missed"] = g.Attendance.Missed,
        ["unknown"] = g.Attendance.Unknown,
    };

    private static string Description(WfiTakeUp figures, string heading)
        => figures.Groups.Count == 0
            ? "No invitations were requested in this period, so the chart has no bars."
            : $"For each {heading.ToLowerInvariant()}, bars for letters sent, answered, chose the centre, defaulted and attended, on a scale from 0. "
              + string.Join(" ", figures.Groups.Select(g => $"{g.Name}: {g.Sent} sent, {g.Answered.Total} answered, {g.ChoseCentre} chose the centre, {g.Defaulted} defaulted, {g.Attendance.Attended} attended."));

    private static string Scope(Caller caller) => caller.Role switch
    {
        Role.Office => $"the invitations sent by your office ({caller.Id})",
        Role.Centre => $"the invitations that offered your centre ({caller.Id}), from every office",
        _ => "the invitations of every office",
    };

    private static List<object?> GroupOptions(string chosen) =>
    [
        Option(WfiTakeUpReport.ByOffice, "Jobcentre office", chosen),
        Option(WfiTakeUpReport.ByCentre, "Centre offered", chosen),
        Option(WfiTakeUpReport.ByLocalAuthority, "Local authority", chosen),
    ];

    private static Dictionary<string, object?> Option(string value, string text, string chosen) => new(StringComparer.Ordinal)
    {
        ["value"] = value,
        ["text"] = text,
        ["selected"] = value == chosen,
    };

    private static string? ErrorOf(IReadOnlyList<FieldError> errors, string field)
        => errors.FirstOrDefault(e => e.Field == field) is { } error ? Sentence(field, error.Message) : null;

    /// <summary>"from" + "must be a date, yyyy-MM-dd" → "The start date must be a date, yyyy-MM-dd".</summary>
    public static string Sentence(string field, string message) => field switch
    {
        "from" => "The start date " + message,
        "to" => "The end date " + message,
        "groupBy" => "Group by " + message,
        _ => $"{field} {message}",
    };

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The report (or why the period was refused) and the page's model.</summary>
public sealed record TakeUpPageView(Outcome<WfiTakeUp> Report, IReadOnlyDictionary<string, object?> Model)
{
    /// <summary>The refusals, each named as the page's field and said as a sentence, for the error summary.</summary>
    public IReadOnlyList<FieldError> Errors => [.. Report.Errors.Select(e => new FieldError(e.Field, TakeUpPage.Sentence(e.Field, e.Message)))];
}
