namespace Pilot.Shared.Access;

/// <summary>
/// What a caller is. Every credential maps to exactly one principal of one role; parents stay
/// anonymous behind their signed links and providers behind their webhook signatures.
/// </summary>
public enum Role
{
    /// <summary>A Jobcentre Plus office's staff (<c>office:&lt;officeId&gt;</c>): their own parents, appointments and invitations.</summary>
    Office,

    /// <summary>A children's centre manager (<c>centre:&lt;venueId&gt;</c>): the take-up figures for their centre, nothing else.</summary>
    Centre,

    /// <summary>The evaluation team: reads every office's figures and invitations, changes nothing.</summary>
    Central,

    /// <summary>The vacancy feed: posts vacancies, nothing else.</summary>
    Feed,

    /// <summary>Operators: reference data (venues and offices).</summary>
    Operator,
}
