namespace Pilot.Shared.Vacancies.Hours;

/// <summary>
/// What a vacancy's free-text hours say. <see cref="Pattern"/> is set only when
/// <see cref="Clarity"/> is <see cref="HoursClarity.Clear"/>; <see cref="TermTimeOnly"/> and
/// <see cref="HoursPerWeek"/> are kept from unclear text too ("term time only, 16 hours").
/// </summary>
public sealed record ParsedHours(
    string Text,
    HoursClarity Clarity,
    WeeklyPattern? Pattern,
    bool TermTimeOnly,
    double? HoursPerWeek,
    string? UnclearBecause)
{
    public bool IsClear => Clarity == HoursClarity.Clear;
}
