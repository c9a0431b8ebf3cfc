using System.Globalization;

namespace Pilot.Shared.WfiInvitations.TakeUp;

/// <summary>
/// The take-up report's bar chart, laid out for an SVG drawn on the server: for each group one bar per series,
/// every bar's height proportional to its figure on one scale from zero (so equal figures draw equal bars).
/// Pure geometry; the page template only writes it out.
/// </summary>
public sealed record TakeUpChart(
    double Width,
    double Height,
    double PlotLeft,
    double PlotTop,
    double PlotBottom,
    int ScaleMax,
    IReadOnlyList<ChartBar> Bars,
    IReadOnlyList<ChartTick> Ticks,
    IReadOnlyList<ChartGroupLabel> GroupLabels,
    IReadOnlyList<ChartSeries> Legend)
{
    public const double PlotHeight = 220;
    private const double BarWidth = 14;
    private const double GroupGap = 30;
    private const double Left = 52;
    private const double Top = 56;

    /// <summary>The series, in the order their bars stand in each group; colours from the GOV.UK palette, each at least 3:1 on white.</summary>
    public static IReadOnlyList<ChartSeries> Series { get; } =
    [
        new("sent", "Letters sent", "#1d70b8"),
        new("answered", "Answered", "#4c2c92"),
        new("chose-centre", "Chose the centre", "#00703c"),
        new("defaulted", "Defaulted", "#d4351c"),
        new("attended", "Attended", "#505a5f"),
    ];

    public static int Figure(WfiTakeUpGroup group, string series)
    {
        ArgumentNullException.ThrowIfNull(group);
        return series switch
        {
            "sent" => group.Sent,
            "answered" => group.Answered.Total,
            "chose-centre" => group.ChoseCentre,
            "defaulted" => group.Defaulted,
            "attended" => group.Attendance.Attended,
            _ => throw new ArgumentOutOfRangeException(nameof(series), series, "not a series of the chart"),
        };
    }

    public static TakeUpChart Draw(IReadOnlyList<WfiTakeUpGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var max = groups.SelectMany(g => Series.Select(s => Figure(g, s.Key))).DefaultIfEmpty(0).Max();
        var step = Step(max);
        var scaleMax = Math.Max(step, (max + step - 1) / step * step);
        var groupWidth = Series.Count * BarWidth + GroupGap;
        var bottom = Top + PlotHeight;
        var bars = new List<ChartBar>();
        var labels = new List<ChartGroupLabel>();
        for (var i = 0; i < groups.Count; i++)
        {
            var x0 = Left + GroupGap / 2 + i * groupWidth;
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Figure(groups[i], Series[s].Key);
                var height = Math.Round(value * PlotHeight / scaleMax, 2);
                bars.Add(new ChartBar(groups[i].Key, groups[i].Name, Series[s], value, x0 + s * BarWidth, Math.Round(bottom - height, 2), BarWidth - 2, height));
            }

            labels.Add(new ChartGroupLabel(groups[i].Name, x0 + Series.Count * BarWidth / 2, bottom + 14));
        }

        var ticks = Enumerable.Range(0, scaleMax / step + 1)
            .Select(n => new ChartTick((n * step).ToString(CultureInfo.InvariantCulture), Math.Round(bottom - n * step * PlotHeight / scaleMax, 2)))
            .ToList();
        var width = Math.Max(480, Left + groups.Count * groupWidth + 16);
        return new TakeUpChart(width, bottom + 110, Left, Top, bottom, scaleMax, bars, ticks, labels, Series);
    }

    /// <summary>A step of 1, 2 or 5 times a power of ten giving at most five intervals up to <paramref name="max"/>.</summary>
    public static int Step(int max)
    {
        for (var power = 1; ; power *= 10)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (max <= factor * power * 5)
                {
                    return factor * power;
                }
            }
        }
    }
}

public sealed record ChartSeries(string Key, string Name, string Colour);

public sealed record ChartBar(string GroupKey, string GroupName, ChartSeries Series, int Value, double X, double Y, double Width, double Height);

public sealed record ChartTick(string Label, double Y);

public sealed record ChartGroupLabel(string Text, double X, double Y);
