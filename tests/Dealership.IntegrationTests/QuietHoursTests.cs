using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dealership.IntegrationTests.ServiceTestKit;

namespace Dealership.IntegrationTests;

/// <summary>
/// Quiet hours hold for everyone: a customer who set none gets the site's default (8 PM to 8 AM), checked when
/// a message is queued and again when it is sent; only an answer to the customer's own text goes at once.
/// </summary>
public sealed class QuietHoursTests : FreshAppTests
{
    private static async Task<(Guid Id, string Mobile)> CustomerWithoutQuietHoursAsync(HttpClient sales)
    {
        // A random number can belong to a demo customer already (409 contact-in-use): draw another.
        for (var attempt = 0; ; attempt++)
        {
            var response = await sales.PostAsJsonAsync("/api/customers", Requests.NewCustomer(mobile: $"503-555-{Random.Shared.Next(2000, 9999)}"));
            if (response.StatusCode == HttpStatusCode.Conflict && attempt < 20)
            {
                continue;
            }

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            var customer = await response.ReadJsonAsync();
            return (customer.GetProperty("id").GetGuid(), customer.GetProperty("mobilePhone").GetString()!);
        }
    }

    private Task<Notification> StaffMessageAsync(Guid customerId) =>
        App.QueryAsync(db => db.Notifications.SingleAsync(n => n.CustomerId == customerId && n.TemplateKey == MessageTemplates.StaffMessage && n.Channel == MessageChannel.Sms));

    [Test]
    public async Task AtNinePm_AMessageToACustomerWithNoQuietHoursOfTheirOwn_WaitsForEightAm()
    {
        using var sales = await App.SalesAsync();
        var (customer, _) = await CustomerWithoutQuietHoursAsync(sales);
        App.Clock.Advance(Portland(22, 21, 30) - App.Clock.GetUtcNow().UtcDateTime);

        using var evening = await App.SalesAsync();
        var sent = await evening.PostAsJsonAsync($"/api/customers/{customer}/messages", new { text = "Your car is ready tomorrow." });

        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var message = await StaffMessageAsync(customer);
        Assert.That(message.Status, Is.EqualTo(NotificationStatus.Deferred));
        Assert.That(message.DueAt, Is.EqualTo(Portland(23, 8)), "8:00 AM the next morning, site time");
    }

    [Test]
    public async Task AMessageQueuedInTheDay_ButDueAfterEightPm_IsHeldAtSendTimeToo()
    {
        using var sales = await App.SalesAsync();
        var (customer, _) = await CustomerWithoutQuietHoursAsync(sales);
        await sales.PostAsJsonAsync($"/api/customers/{customer}/messages", new { text = "Checking in about your order." });
        Assert.That((await StaffMessageAsync(customer)).Status, Is.EqualTo(NotificationStatus.Pending));

        App.Clock.Advance(Portland(22, 23, 0) - App.Clock.GetUtcNow().UtcDateTime);
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        var held = await StaffMessageAsync(customer);
        Assert.That(held.Status, Is.EqualTo(NotificationStatus.Deferred), "the dispatcher does not text at 11 PM");
        Assert.That(held.DueAt, Is.EqualTo(Portland(23, 8)));
    }

    [Test]
    public async Task AReplyToTheCustomersOwnText_GoesAtOnce_EvenAtNight()
    {
        using var sales = await App.SalesAsync();
        var (customer, mobile) = await CustomerWithoutQuietHoursAsync(sales);
        App.Clock.Advance(Portland(22, 22, 15) - App.Clock.GetUtcNow().UtcDateTime);

        var outcome = await App.SendAsync(new ReceiveInboundSms.Command(mobile, "Is my car ready?", "SMquiet" + Guid.NewGuid().ToString("N")));
        Assert.That(outcome, Is.EqualTo(ReceiveInboundSms.Outcome.RoutedToStaff));

        var acknowledgement = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.CustomerId == customer && n.TemplateKey == MessageTemplates.ReplyAcknowledged));
        Assert.That(acknowledgement.Status, Is.EqualTo(NotificationStatus.Pending), "they just wrote to us: the answer is not held");
        var task = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == customer));
        using var night = await App.ManagerAsync(); // a customer with no owner: the site's team queue, which managers work
        var answer = await night.PostAsJsonAsync($"/api/customers/{customer}/messages", new { text = "Yes, it is ready.", taskId = task.Id });
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await answer.Content.ReadAsStringAsync());
        Assert.That((await StaffMessageAsync(customer)).Status, Is.EqualTo(NotificationStatus.Pending), "an answer to their text goes at once too");
    }
}
