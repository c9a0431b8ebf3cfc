namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>
/// The new-invitation page's fields as posted. The page keeps no state on the server: each step posts back every
/// field it was given (hidden), so a parent found or registered in one step is still chosen in the next.
/// </summary>
public sealed record NewInvitationForm(
    string? Action,
    string? Mobile,
    string? FirstName,
    string? LastName,
    string? NewMobile,
    string? AddressLine1,
    string? AddressLine2,
    string? AddressLine3,
    string? Postcode,
    string? Reminders,
    string? ParentId,
    string? JobcentreDate,
    string? JobcentreTime,
    string? CentreVenueId,
    string? CentreDate,
    string? CentreTime,
    string? RespondBy)
{
    public const string Find = "find";
    public const string Register = "register";
    public const string Preview = "preview";
    public const string Edit = "edit";
    public const string Send = "send";

    public static NewInvitationForm Read(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new NewInvitationForm(
            field("action"),
            field("mobile"),
            field("firstName"),
            field("lastName"),
            field("newMobile"),
            field("addressLine1"),
            field("addressLine2"),
            field("addressLine3"),
            field("postcode"),
            field("reminders"),
            field("parentId"),
            field("jobcentreDate"),
            field("jobcentreTime"),
            field("centreVenueId"),
            field("centreDate"),
            field("centreTime"),
            field("respondBy"));
    }
}
