using Pilot.Shared.Appointments.Console;
using Pilot.Shared.Validation;

namespace Pilot.Shared.UnitTests.Appointments;

public sealed class AppointmentTimeFormTests
{
    [Theory]
    [InlineData("3", "12", "2026", "10:30", "2026-12-03T10:30:00+00:00")]
    [InlineData("03", "06", "2027", "9.05", "2027-06-03T09:05:00+01:00")]
    [InlineData(" 28 ", " 3 ", " 2027 ", " 01:30 ", "2027-03-28T02:30:00+01:00")]
    public void A_typed_date_and_time_is_read_as_London_time(string day, string month, string year, string time, string expected)
    {
        var errors = new List<FieldError>();

        var startsAt = new AppointmentTimeForm(day, month, year, time).ToStartsAt(errors);

        Assert.Empty(errors);
        Assert.Equal(expected, startsAt);
    }

    [Theory]
    [InlineData("", "", "", "10:30", AppointmentTimeForm.DateField, "Enter the date of the appointment")]
    [InlineData("31", "2", "2027", "10:30", AppointmentTimeForm.DateField, "The date of the appointment must be a real date, like 27 3 2027")]
    [InlineData("1", "13", "2027", "10:30", AppointmentTimeForm.DateField, "The date of the appointment must be a real date, like 27 3 2027")]
    [InlineData("1", "2", "27", "10:30", AppointmentTimeForm.DateField, "The date of the appointment must be a real date, like 27 3 2027")]
    [InlineData("-1", "2", "2027", "10:30", AppointmentTimeForm.DateField, "The date of the appointment must be a real date, like 27 3 2027")]
    [InlineData("1", "2", "2027", "", AppointmentTimeForm.TimeField, "Enter the time of the appointment")]
    [InlineData("1", "2", "2027", "24:00", AppointmentTimeForm.TimeField, "Enter the time on the 24-hour clock, like 09:30 or 14:00")]
    [InlineData("1", "2", "2027", "10:3", AppointmentTimeForm.TimeField, "Enter the time on the 24-hour clock, like 09:30 or 14:00")]
    [InlineData("1", "2", "2027", "2pm", AppointmentTimeForm.TimeField, "Enter the time on the 24-hour clock, like 09:30 or 14:00")]
    public void A_date_or_time_that_cannot_be_read_is_refused_naming_its_box(string day, string month, string year, string time, string field, string message)
    {
        var errors = new List<FieldError>();

        var startsAt = new AppointmentTimeForm(day, month, year, time).ToStartsAt(errors);

        Assert.Null(startsAt);
        Assert.Equal([new FieldError(field, message)], errors);
    }

    [Fact]
    public void The_booking_services_complaint_about_the_time_is_dropped_when_the_page_already_refused_it()
    {
        var merged = AppointmentFormErrors.Merge(
            [new FieldError(AppointmentTimeForm.TimeField, "Enter the time of the appointment")],
            [new FieldError("startsAt", "is required"), new FieldError("parentId", "no parent has this id")]);

        Assert.Equal(
            [new FieldError(AppointmentTimeForm.TimeField, "Enter the time of the appointment"), new FieldError("parentId", "No parent of your office has this reference")],
            merged);
    }

    [Theory]
    [InlineData("startsAt", "must be in the future", "The appointment must be in the future")]
    [InlineData("kind", "must be wfi, adviser or course", "Select what the appointment is for")]
    [InlineData("venueId", "no venue has this id (see GET /api/venues)", "Select where the appointment is")]
    [InlineData("startsAt", "Sat 5 Dec 2026 is a Saturday: Stockwell is closed", "Sat 5 Dec 2026 is a Saturday: Stockwell is closed")]
    public void The_booking_services_refusals_read_as_sentences_on_the_page(string field, string message, string sentence)
        => Assert.Equal(new FieldError(field, sentence), AppointmentFormErrors.Sentence(new FieldError(field, message)));
}
