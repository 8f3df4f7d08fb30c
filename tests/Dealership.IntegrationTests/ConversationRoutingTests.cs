using System.Net;
using Dealership.Application.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>A customer's words reach the person who owns what they are waiting for, whichever way they write.</summary>
public sealed class ConversationRoutingTests : SharedAppTests
{
    [Test]
    public async Task WritingFromTheTrackingPage_ReachesTheAdvisorOfTheOpenVisit_AndSaysWhoAndWhen()
    {
        // A customer with a booked visit (demo data) and no open order.
        var visit = await App.QueryAsync(db => db.Appointments
            .Where(a => a.Status == Domain.Service.AppointmentStatus.Booked && !db.Orders.Any(o => o.CustomerId == a.CustomerId && o.CancelledAt == null && o.Status != Domain.Orders.OrderMilestone.Delivered))
            .OrderBy(a => a.StartsAt).Select(a => new { a.Id, a.CustomerId, a.AdvisorStaffId }).FirstAsync());
        var token = await App.TrackingTokenAsync(visit.CustomerId);

        var answer = await App.SendAsync(new WriteToUs.Command(token, "Can you also look at the squeaky back door?"));

        var advisor = await App.QueryAsync(db => db.Users.Where(u => u.Id == visit.AdvisorStaffId).Select(u => u.DisplayName).SingleAsync());
        Assert.That(answer.OwnerName, Is.EqualTo(advisor));
        Assert.That(answer.AnswerBy, Is.Not.Empty);
        var task = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.Detail == "Can you also look at the squeaky back door?"));
        Assert.That((task.OwnerStaffId, task.SubjectType, task.SubjectId), Is.EqualTo(((Guid?)visit.AdvisorStaffId, "appointment", (Guid?)visit.Id)));
        Assert.That(await App.QueryAsync(db => db.Touchpoints.AnyAsync(t => t.CustomerId == visit.CustomerId && t.Summary.StartsWith("Message from the tracking page"))), Is.True);
    }

    [Test]
    public async Task TheTrackingPageForm_KeepsWhatWasTyped_WhenTheMessageIsTooLong()
    {
        var customer = await App.QueryAsync(db => db.Customers.Select(c => c.Id).FirstAsync());
        var token = await App.TrackingTokenAsync(customer);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync($"/track/{token}");
        var typed = new string('a', WriteToUs.MaxLength + 1);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = typed, ["__RequestVerificationToken"] = DealershipApp.AntiforgeryToken(page),
        });

        var response = await client.PostAsync($"/track/{token}?handler=Write", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("at most 1000 characters"));
        Assert.That(html, Does.Contain(typed), "the message is not lost");
    }
}
