namespace Pilot.Shared.Vacancies.Hours;

public enum HoursClarity
{
    /// <summary>The text names the days and the times: a weekly pattern was derived.</summary>
    Clear,

    /// <summary>The text does not pin the hours down; the vacancy keeps its text and no pattern.</summary>
    Unclear,
}
