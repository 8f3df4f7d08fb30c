using System.Net;
using System.Net.Http.Json;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Dealership.IntegrationTests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>Twilio's webhooks: delivery receipts, STOP/START/HELP, and replies that reach a person.</summary>
public sealed class TwoWayTextingTests
{
    private MessagingApp _m = null!;
    private int _sid;

    [OneTimeSetUp]
    public async Task StartAsync() => _m = await MessagingApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _m.DisposeAsync();

    private string NextSid() => $"SMinbound{Interlocked.Increment(ref _sid):D24}";

    private Task<HttpResponseMessage> InboundAsync(string from, string body, string? sid = null, bool forge = false) =>
        _m.PostWebhookAsync("/webhooks/twilio/inbound", new Dictionary<string, string>
        {
            ["MessageSid"] = sid ?? NextSid(),
            ["AccountSid"] = FakeTwilio.AccountSid,
            ["From"] = from,
            ["To"] = "+15035550000",
            ["Body"] = body,
        }, forge);

    private async Task<Notification> SentTextAsync(Guid customerId, string text)
    {
        await _m.SendMessageAsync(customerId, text);
        await _m.DispatchAsync();
        return await _m.App.QueryAsync(db => db.Notifications.SingleAsync(n => n.CustomerId == customerId && n.Channel == MessageChannel.Sms && n.TemplateKey == "staff.message"));
    }

    [Test]
    public void Signature_FollowsTwilioAlgorithm()
    {
        // Expected value computed independently (Python hmac/sha1) for this URL, these fields and this token.
        var signature = FakeTwilio.Sign("https://dealership.example/webhooks/twilio/inbound",
            new Dictionary<string, string> { ["MessageSid"] = "SM123", ["From"] = "+15035550100", ["Body"] = "Stop", ["To"] = "+15035550000" },
            "secret-token");
        Assert.That(signature, Is.EqualTo("AYOMdbXI3GCoIuw1bgYXmJKmq64="));
    }

    [Test]
    public async Task DeliveredCallback_WithTwilioSignature_MarksDelivered_AndLandsOnTheTimeline()
    {
        var id = await _m.CreateCustomerAsync("Delivered", "503-555-0170", null, "sms");
        var sms = await SentTextAsync(id, "Delivery test");

        var response = await _m.PostWebhookAsync($"/webhooks/twilio/status/{sms.Id}", new Dictionary<string, string>
        {
            ["MessageSid"] = sms.ProviderMessageId!, ["MessageStatus"] = "delivered", ["To"] = "+15035550170",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await _m.App.QueryAsync(db => db.Notifications.Where(n => n.Id == sms.Id).Select(n => n.Status).SingleAsync()), Is.EqualTo(NotificationStatus.Delivered));
        using var sales = await _m.App.SalesAsync();
        var journey = await MessagingApp.JsonAsync(await sales.GetAsync($"/api/customers/{id}/journey"));
        var kinds = journey.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.That(kinds, Does.Contain("messageDelivered").And.Contain("messageSent"));
    }

    [Test]
    public async Task ForgedSignature_Is403_AndRecordsNothing()
    {
        var id = await _m.CreateCustomerAsync("Forged", "503-555-0171", null, "sms");
        var sms = await SentTextAsync(id, "Forgery test");
        var tasksBefore = await _m.App.QueryAsync(db => db.Tasks.CountAsync());

        var status = await _m.PostWebhookAsync($"/webhooks/twilio/status/{sms.Id}",
            new Dictionary<string, string> { ["MessageSid"] = "x", ["MessageStatus"] = "delivered" }, forge: true);
        var inbound = await InboundAsync("+15035550171", "Hello?", forge: true);

        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(inbound.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _m.App.QueryAsync(db => db.Notifications.Where(n => n.Id == sms.Id).Select(n => n.Status).SingleAsync()), Is.EqualTo(NotificationStatus.Sent));
        Assert.That(await _m.App.QueryAsync(db => db.Tasks.CountAsync()), Is.EqualTo(tasksBefore));
    }

    [Test]
    public async Task UndeliveredCallback_MakesTheTextDead_AndTheMessageGoesByEmail()
    {
        var id = await _m.CreateCustomerAsync("Undelivered", "503-555-0172", "robin.undelivered@example.com", "sms");
        var sms = await SentTextAsync(id, "Undelivered test");

        await _m.PostWebhookAsync($"/webhooks/twilio/status/{sms.Id}", new Dictionary<string, string>
        {
            ["MessageSid"] = sms.ProviderMessageId!, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30003",
        });
        await _m.DispatchAsync();

        var all = await _m.App.QueryAsync(db => db.Notifications.Where(n => n.CustomerId == id && n.TemplateKey == "staff.message").ToListAsync());
        Assert.That(all.Single(n => n.Channel == MessageChannel.Sms).Status, Is.EqualTo(NotificationStatus.Dead));
        Assert.That(all.Single(n => n.Channel == MessageChannel.Email).Status, Is.EqualTo(NotificationStatus.Sent));
        Assert.That(_m.Smtp.MessagesTo("robin.undelivered@example.com").Any(m => (m.TextBody ?? "").Contains("Undelivered test", StringComparison.Ordinal)), Is.True);
        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.DeduplicationKey == $"notification/{sms.Id}/dead"));
        Assert.That(task.Title, Does.StartWith("Could not reach").And.EndWith("by text"));
        Assert.That(task.Detail, Does.Contain("switched off or out of reach").And.Contain("going by email instead"), "the carrier's reason in words, and what happens next");
    }

    [Test]
    public async Task Stop_FromANumberSharedByTwoCustomers_StopsTextsForBoth_AndTheNextMessageGoesByEmail()
    {
        var first = await _m.CreateCustomerAsync("Household", "503-555-0173", "robin.household1@example.com", "sms");
        var second = await _m.CreateCustomerAsync("Household", "503-555-0173", "robin.household2@example.com", "sms", allowShared: true);

        var response = await InboundAsync("+15035550173", "Stop");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<Response></Response>"));
        var consents = await _m.App.QueryAsync(db => db.Customers.Where(c => c.Id == first || c.Id == second).Select(c => c.SmsConsent).ToListAsync());
        Assert.That(consents, Is.All.False);
        var phone = await _m.App.QueryAsync(db => db.PhoneConsents.SingleAsync(p => p.PhoneNumber == "+15035550173"));
        Assert.That(phone.OptedOut, Is.True);
        Assert.That(phone.Source, Does.Contain("STOP"));
        var touchpoint = await _m.App.QueryAsync(db => db.Touchpoints.FirstAsync(t => t.CustomerId == second && t.Kind == TouchpointKind.ConsentChanged));
        Assert.That(touchpoint.Actor, Is.EqualTo(TouchpointActor.Customer));

        await _m.SendMessageAsync(first, "After stop");
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Any(m => m.To == "+15035550173" && m.Body.Contains("After stop", StringComparison.Ordinal)), Is.False);
        Assert.That(_m.Smtp.MessagesTo("robin.household1@example.com").Any(m => (m.TextBody ?? "").Contains("After stop", StringComparison.Ordinal)), Is.True);

        await InboundAsync("+15035550173", "START");
        Assert.That(await _m.App.QueryAsync(db => db.Customers.Where(c => c.Id == first).Select(c => c.SmsConsent).SingleAsync()), Is.True);
        Assert.That(await _m.App.QueryAsync(db => db.PhoneConsents.Where(p => p.PhoneNumber == "+15035550173").Select(p => p.OptedOut).SingleAsync()), Is.False);
    }

    [Test]
    public async Task Help_GetsAHelpReplyThroughTheOutbox()
    {
        await _m.CreateCustomerAsync("Helpme", "503-555-0174", null, "sms");
        await InboundAsync("+15035550174", "help");
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Any(m => m.To == "+15035550174" && m.Body.Contains("Reply STOP", StringComparison.Ordinal)), Is.True);
    }

    private async Task<Guid> PlaceOrderAsync(Guid customerId)
    {
        using var sales = await _m.App.SalesAsync();
        var response = await sales.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            vehicle = new { year = 2027, make = "Honda", model = "Accord", trim = "Touring" },
            price = new { amount = 3_899_000, currency = "USD" },
            fees = new { amount = 89_500, currency = "USD" },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await MessagingApp.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task AFreeReply_GoesToTheSalespersonOfTheOpenOrder_WithATouchpointAndAnAcknowledgement_OnceEvenIfTwilioRetries()
    {
        var id = await _m.CreateCustomerAsync("Replier", "503-555-0175", null, "sms");
        var order = await PlaceOrderAsync(id);
        var sid = NextSid();

        await InboundAsync("+15035550175", "Can I pick it up Saturday instead?", sid);
        await InboundAsync("+15035550175", "Can I pick it up Saturday instead?", sid); // Twilio retry
        await _m.DispatchAsync();

        var tasks = await _m.App.QueryAsync(db => db.Tasks.Where(t => t.CustomerIds.Contains(id.ToString())).ToListAsync());
        Assert.That(tasks, Has.Count.EqualTo(1));
        var salesId = await _m.App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        Assert.That(tasks[0].OwnerStaffId, Is.EqualTo(salesId), "the salesperson of the open order owns the conversation");
        Assert.That((tasks[0].SubjectType, tasks[0].SubjectId), Is.EqualTo(("order", (Guid?)order)), "the task links to the order, not only the customer");
        Assert.That(tasks[0].Detail, Is.EqualTo("Can I pick it up Saturday instead?"));
        Assert.That(await _m.App.QueryAsync(db => db.Touchpoints.CountAsync(t => t.CustomerId == id && t.Kind == TouchpointKind.CustomerReply)), Is.EqualTo(1));
        var acknowledgements = _m.Twilio.Accepted.Where(m => m.To == "+15035550175" && m.Body.Contains("has your message", StringComparison.Ordinal)).ToList();
        Assert.That(acknowledgements, Has.Count.EqualTo(1));
        Assert.That(acknowledgements[0].Body, Does.Contain("Sam Carter"));

        using var sales = await _m.App.SalesAsync();
        var inbox = await MessagingApp.JsonAsync(await sales.GetAsync("/api/tasks?owner=me"));
        Assert.That(inbox.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Does.Contain(tasks[0].Id));

        // Answering from the task sends through the outbox and closes the task.
        var answer = await sales.PostAsJsonAsync($"/api/customers/{id}/messages", new { text = "Saturday at 10 works. See you then!", taskId = tasks[0].Id });
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        inbox = await MessagingApp.JsonAsync(await sales.GetAsync("/api/tasks?owner=me"));
        Assert.That(inbox.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Does.Not.Contain(tasks[0].Id));
    }

    [Test]
    public async Task AReplyWithNothingOpen_GoesToTheSitesTeamQueue_AndTheAcknowledgementPromisesATimeInOpeningHours()
    {
        var id = await _m.CreateCustomerAsync("Queued", "503-555-0182", null, "sms");
        var now = _m.App.Clock.GetUtcNow().UtcDateTime;

        await InboundAsync("+15035550182", "Do you have winter tires in stock?");
        await _m.DispatchAsync();

        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.CustomerIds.Contains(id.ToString())));
        Assert.That(task.OwnerStaffId, Is.Null, "nobody owns an open order or visit: the site's team queue");
        using var manager = await _m.App.ManagerAsync();
        var queue = await MessagingApp.JsonAsync(await manager.GetAsync("/api/tasks"));
        Assert.That(queue.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Does.Contain(task.Id), "managers see the team queue");
        var site = await _m.App.QueryAsync(db => db.Sites.SingleAsync(s => s.Id == task.SiteId));
        Assert.That(task.DueAt, Is.EqualTo(site.AddOpenTime(now, TimeSpan.FromHours(2))), "two hours of opening time");
        Assert.That(site.IsOpenAt(task.DueAt.AddMinutes(-1)), Is.True, "the promised time is inside opening hours");
        var acknowledgement = _m.Twilio.Accepted.Single(m => m.To == "+15035550182" && m.Body.Contains("has your message", StringComparison.Ordinal));
        Assert.That(acknowledgement.Body, Does.Contain("Our team has your message and will get back to you by " +
            Application.Notifications.ConversationRouter.AnswerBy(site, now, task.DueAt, spanish: false)));
    }

    [Test]
    public async Task AReplyFromASharedNumber_ListsEveryCustomerOnTheTask()
    {
        var first = await _m.CreateCustomerAsync("Shared", "503-555-0176", null, "sms");
        var second = await _m.CreateCustomerAsync("Shared", "503-555-0176", "robin.shared2@example.com", "sms", allowShared: true);

        await InboundAsync("+15035550176", "Which of us is this about?");

        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.Detail == "Which of us is this about?"));
        Assert.That(task.CustomerIdList, Is.EquivalentTo(new[] { first, second }));
        Assert.That(task.Title, Does.Contain("shared by"));
    }

    [Test]
    public async Task Tasks_OfSomeoneElse_AreNotFound()
    {
        var id = await _m.CreateCustomerAsync("Private", "503-555-0177", null, "sms");
        await InboundAsync("+15035550177", "Private question");
        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == id));

        using var service = await _m.App.ServiceAsync();
        Assert.That((await service.PostAsync($"/api/tasks/{task.Id}/done", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var sales = await _m.App.SalesAsync();
        Assert.That((await sales.PostAsync($"/api/tasks/{task.Id}/done", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the team queue is the managers'");
        using var manager = await _m.App.ManagerAsync();
        Assert.That((await manager.PostAsync($"/api/tasks/{task.Id}/done", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnsweringSomeoneElsesTask_IsNotFound_ClosesNothing_AndTextsNobody()
    {
        var id = await _m.CreateCustomerAsync("Guarded", "503-555-0178", null, "sms");
        await InboundAsync("+15035550178", "Is my car ready?");
        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == id));
        var messagesBefore = await _m.App.QueryAsync(db => db.Notifications.CountAsync(n => n.CustomerId == id));

        using var service = await _m.App.ServiceAsync();
        var response = await service.PostAsJsonAsync($"/api/customers/{id}/messages", new { text = "Closing this for you", taskId = task.Id });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await _m.App.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()), Is.EqualTo(Dealership.Domain.Tasks.StaffTaskStatus.Open));
        Assert.That(await _m.App.QueryAsync(db => db.Notifications.CountAsync(n => n.CustomerId == id)), Is.EqualTo(messagesBefore), "the customer is not texted");
    }

    [Test]
    public async Task AnsweringATask_AboutAnotherCustomer_IsRefused_AndTextsNobody()
    {
        var asked = await _m.CreateCustomerAsync("Asker", "503-555-0179", null, "sms");
        var other = await _m.CreateCustomerAsync("Bystander", "503-555-0180", null, "sms");
        var order = await PlaceOrderAsync(asked);
        await InboundAsync("+15035550179", "When is my service?");
        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == order));

        using var sales = await _m.App.SalesAsync();
        var response = await sales.PostAsJsonAsync($"/api/customers/{other}/messages", new { text = "Your service is Tuesday", taskId = task.Id });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("another customer"));
        Assert.That(await _m.App.QueryAsync(db => db.Notifications.CountAsync(n => n.CustomerId == other)), Is.Zero);
        Assert.That(await _m.App.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()), Is.EqualTo(Dealership.Domain.Tasks.StaffTaskStatus.Open));
    }

    [Test]
    public async Task AManagerOfTheSite_MayCloseASalespersonsTask()
    {
        var id = await _m.CreateCustomerAsync("Escalated", "503-555-0181", null, "sms");
        var order = await PlaceOrderAsync(id);
        await InboundAsync("+15035550181", "Nobody has called me back");
        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == order));
        Assert.That(task.OwnerStaffId, Is.Not.Null, "the salesperson's task");

        using var manager = await _m.App.ManagerAsync();
        var response = await manager.PostAsync($"/api/tasks/{task.Id}/done", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var managerId = await _m.App.QueryAsync(db => db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync());
        Assert.That(await _m.App.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id).Select(t => t.DoneBy).SingleAsync()), Is.EqualTo(managerId));
    }

    [Test]
    public async Task AConversation_IsHandedOverByItsOwner_ToAColleagueAtTheSite_OrTheTeamQueue_AndNobodyElse()
    {
        var id = await _m.CreateCustomerAsync("Handover", "503-555-0183", null, "sms");
        var order = await PlaceOrderAsync(id);
        await InboundAsync("+15035550183", "Can someone from service call me?");
        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == order));
        var advisorId = await _m.App.QueryAsync(db => db.Users.Where(u => u.Email == "service@demo.local").Select(u => u.Id).SingleAsync());

        using var service = await _m.App.ServiceAsync();
        Assert.That((await service.PostAsJsonAsync($"/api/tasks/{task.Id}/owner", new { staffId = advisorId })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "someone else's conversation cannot be taken");

        using var sales = await _m.App.SalesAsync();
        var colleagues = await (await sales.GetAsync("/api/tasks/colleagues")).ReadJsonAsync();
        Assert.That(colleagues.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Contain(advisorId));
        var stranger = await sales.PostAsJsonAsync($"/api/tasks/{task.Id}/owner", new { staffId = Guid.NewGuid() });
        Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await stranger.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("does not work at this task's site"));

        var handed = await sales.PostAsJsonAsync($"/api/tasks/{task.Id}/owner", new { staffId = advisorId });
        Assert.That(handed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await handed.Content.ReadAsStringAsync());
        var after = await _m.App.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.That(after.OwnerStaffId, Is.EqualTo(advisorId));
        Assert.That(after.DueAt, Is.EqualTo(task.DueAt), "a handover never buys time");
        var inbox = await (await service.GetAsync("/api/tasks?owner=me")).ReadJsonAsync();
        Assert.That(inbox.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Does.Contain(task.Id), "it is in the advisor's inbox now");
        Assert.That((await sales.PostAsync($"/api/tasks/{task.Id}/done", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "and no longer the salesperson's to close");

        var queued = await service.PostAsJsonAsync($"/api/tasks/{task.Id}/owner", new { staffId = (Guid?)null });
        Assert.That(queued.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var manager = await _m.App.ManagerAsync();
        var queue = await (await manager.GetAsync("/api/tasks?owner=me")).ReadJsonAsync();
        Assert.That(queue.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Does.Contain(task.Id), "the team queue is the managers'");
    }
}
