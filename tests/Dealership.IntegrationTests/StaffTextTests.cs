using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Dealership.IntegrationTests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>"Approvals in minutes" away from the desk: a manager who asked for texts gets one, once, through the Twilio contract.</summary>
public sealed class StaffTextTests
{
    private MessagingApp _m = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _m = await MessagingApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _m.DisposeAsync();

    private async Task<int> SendTextsAsync()
    {
        using var scope = _m.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StaffTexts>().SendDueAsync(CancellationToken.None);
    }

    [Test]
    public async Task AManagerWhoAskedForTexts_IsTextedOnceWhenARequestWaits_AndOneWhoDidNot_IsNot()
    {
        using var manager = await _m.App.ManagerAsync();
        using var sales = await _m.App.SalesAsync();
        var badNumber = await manager.PutAsJsonAsync("/api/staff/me/alerts", new { mobilePhone = "12", textApprovals = true });
        var optedIn = await manager.PutAsJsonAsync("/api/staff/me/alerts", new { mobilePhone = "503-555-0142", textApprovals = true });
        Assert.That(badNumber.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await optedIn.ReadJsonAsync()).GetProperty("mobilePhone").GetString(), Is.EqualTo("+15035550142"));

        var who = await Arrange.CustomerWithCarAsync(_m.App);
        var order = await Arrange.OrderAsync(_m.App, who, new Dictionary<string, int> { ["arrivedAtDealership"] = 30 });
        var asked = await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "order", subjectId = order, action = "priceAdjustment", amount = new { amount = 90_000, currency = "USD" }, reason = "Match the written quote from Pacific Honda",
        });
        Assert.That((await asked.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("awaitingApproval"));

        Assert.That(await SendTextsAsync(), Is.EqualTo(1));
        Assert.That(await SendTextsAsync(), Is.Zero, "sent once");
        var text = _m.Twilio.Accepted.Single(m => m.To == "+15035550142");
        Assert.That(text.Body, Does.StartWith("Approval needed: price adjustment of $900.00 for " + who.FirstName));
        Assert.That(text.Body, Does.Contain("Match the written quote").And.EndWith(MessagingApp.PublicBaseUrl + "/approvals"));

        var optedOut = await manager.PutAsJsonAsync("/api/staff/me/alerts", new { mobilePhone = "503-555-0142", textApprovals = false });
        Assert.That(optedOut.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await sales.PostAsJsonAsync("/api/decisions", new
        {
            subjectType = "order", subjectId = order, action = "goodwill", amount = new { amount = 60_000, currency = "USD" }, reason = "Second ask",
        });
        Assert.That(await SendTextsAsync(), Is.Zero, "no text without the person's yes");
    }
}
