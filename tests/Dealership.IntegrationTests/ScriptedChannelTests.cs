using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Dealership.IntegrationTests;

/// <summary>
/// The dispatcher against a scripted SMS port (Moq): the provider is busy once, then accepts. The outbox is
/// the only retrier, so the provider is asked exactly twice and the customer gets exactly one text. The
/// database, pipeline and HTTP stack are real; only the provider's behaviour is scripted.
/// </summary>
public sealed class ScriptedChannelTests
{
    [Test]
    public async Task ABusyProvider_IsTriedAgainByTheOutbox_AndTheTextGoesExactlyOnce()
    {
        var sms = new Mock<ISmsChannel>(MockBehavior.Strict);
        sms.SetupGet(c => c.Name).Returns("Scripted");
        // The demo's own queued texts go through; Skyler's meets a busy provider once, then is accepted.
        var skylerAttempts = 0;
        sms.Setup(c => c.SendAsync(It.IsAny<OutgoingSms>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutgoingSms m, CancellationToken _) => m.To != "+15035550164" ? SendResult.Sent($"SM-demo-{m.NotificationId:N}")
                : ++skylerAttempts == 1 ? SendResult.Transient("busy, try later") : SendResult.Sent("SM-scripted-1"));
        using var app = new DealershipApp(services => services.AddScoped(_ => sms.Object));
        await app.InitializeAsync();

        using var sales = await app.SalesAsync();
        var customer = await sales.CreateCustomerAsync(new Dictionary<string, object?>
        {
            ["ownerStaffId"] = await app.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync()),
            ["firstName"] = "Skyler", ["lastName"] = "Scripted", ["mobilePhone"] = "503-555-0164", ["preferredChannel"] = "sms", ["smsConsent"] = true,
        });
        var id = customer.GetProperty("id").GetGuid();
        var sent = await sales.PostAsJsonAsync($"/api/customers/{id}/messages", new { text = "Your car is ready", channel = "sms" });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await sent.Content.ReadAsStringAsync());

        await DispatchAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync(app);
        await DispatchAsync(app);

        sms.Verify(c => c.SendAsync(It.Is<OutgoingSms>(m => m.To == "+15035550164" && m.Body.Contains("Your car is ready")), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var notification = await app.QueryAsync(db => db.Notifications.SingleAsync(n => n.CustomerId == id && n.TemplateKey == MessageTemplates.StaffMessage));
        Assert.That((notification.Status, notification.ProviderMessageId, notification.Attempts), Is.EqualTo((NotificationStatus.Sent, "SM-scripted-1", 2)));
    }

    private static async Task DispatchAsync(DealershipApp app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
    }
}
