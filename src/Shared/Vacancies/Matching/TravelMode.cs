namespace Pilot.Shared.Vacancies.Matching;

public enum TravelMode
{
    Walk,
    Bus,
    Car,
}
