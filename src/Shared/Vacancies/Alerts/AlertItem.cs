namespace Pilot.Shared.Vacancies.Alerts;

/// <summary>One vacancy an alert or digest text is about, with the distance from the parent's start point.</summary>
public sealed record AlertItem(string Ref, double DistanceKm);
