using System.Net;
using System.Net.Http.Json;
using Dealership.Domain.Decisions;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dealership.IntegrationTests.ServiceTestKit;

namespace Dealership.IntegrationTests;

/// <summary>
/// Story 003's dead ends, opened: a request above someone's limit reaches the managers at once and the answer
/// reaches the requester; a company check is "yes, once we have called your bank", verified by a manager, and a
/// bounce after handover is raised the same moment.
/// </summary>
public sealed class ApprovalsAndGoodFundsTests : FreshAppTests
{
    [Test]
    public async Task AGoodwillAboveTheAdvisorsLimit_WaitsForAManager_WhoIsToldAtOnce_AndTheAnswerReachesTheAdvisor_AndTheBill()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        using var manager = await App.ManagerAsync();
        var booked = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Same fault again", operationCodes = new[] { "DIAG" }, startsAt = Portland(24, 15), separateVisit = true });
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        var visit = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();

        var asked = await (await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/recovery",
            new { action = "goodwill", amount = new { amount = 25_000, currency = "USD" }, reason = "Second visit for the same fault" })).ReadJsonAsync();
        var decision = asked.GetProperty("id").GetGuid();

        Assert.That(asked.GetProperty("status").GetString(), Is.EqualTo("awaitingApproval"));
        var managerId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync());
        var asks = await App.QueryAsync(db => db.Tasks.Where(t => t.SubjectType == "decision" && t.SubjectId == decision).ToListAsync());
        Assert.That(asks.Select(t => t.OwnerStaffId), Does.Contain(managerId), "the site's managers have it in their inbox");
        Assert.That(asks[0].Title, Does.Contain("$250.00"));
        Assert.That(asks[0].DueAt - asks[0].CreatedAt, Is.LessThanOrEqualTo(TimeSpan.FromDays(2)), "within half an hour of open time");

        var byAdvisor = await advisor.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = true });
        var declineWithoutWhy = await manager.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = false, reason = "" });
        var approved = await manager.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = true, reason = "Our fault twice: yes" });
        var again = await manager.PostAsJsonAsync($"/api/decisions/{decision}/approval", new { approved = false, reason = "changed my mind" });

        Assert.That(byAdvisor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(declineWithoutWhy.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        Assert.That((await approved.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("approved"));
        Assert.That((await again.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("decision-closed"));
        Assert.That(await App.QueryAsync(db => db.Tasks.CountAsync(t => t.SubjectType == "decision" && t.SubjectId == decision && t.Status == StaffTaskStatus.Open)), Is.Zero,
            "the managers' tasks close with the answer");
        var advisorId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "service@demo.local").Select(u => u.Id).SingleAsync());
        var told = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.OwnerStaffId == advisorId && t.DeduplicationKey == $"decision/{decision}/answered"));
        Assert.That(told.Title, Does.StartWith("Approved: goodwill credit of $250.00"));
        Assert.That(told.Detail, Does.Contain("Our fault twice"));
        var stored = await App.QueryAsync(db => db.Decisions.SingleAsync(d => d.Id == decision));
        Assert.That((stored.Status, stored.DecidedBy), Is.EqualTo((DecisionStatus.Approved, (Guid?)managerId)));
        var bill = (await (await advisor.GetAsync($"/api/service/appointments/{visit}/workshop")).ReadJsonAsync()).GetProperty("bill");
        Assert.That(bill.GetProperty("goodwill").GetProperty("amount").GetInt64(), Is.EqualTo(16_500), "the approved credit comes off the bill, never below zero");

        // The customer comes back: the decision's outcome records itself.
        var next = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Annual service", operationCodes = new[] { "OIL-SVC" }, startsAt = Portland(27, 15), separateVisit = true });
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Created), await next.Content.ReadAsStringAsync());
        var outcome = await App.QueryAsync(db => db.Decisions.Where(d => d.Id == decision).Select(d => new { d.Outcome, d.OutcomeNote }).SingleAsync());
        Assert.That(outcome.Outcome, Is.EqualTo(DecisionOutcome.CustomerKept));
        Assert.That(outcome.OutcomeNote, Does.StartWith("Came back: booked a visit"));
        Assert.That((await advisor.PostAsJsonAsync($"/api/decisions/{decision}/outcome", new { outcome = "customerLost" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var byHand = await manager.PostAsJsonAsync($"/api/decisions/{decision}/outcome", new { outcome = "noEffect", note = "Would have come back anyway" });
        Assert.That((await byHand.ReadJsonAsync()).GetProperty("outcome").GetString(), Is.EqualTo("noEffect"));
    }

    [Test]
    public async Task ACallOrVisitOutsideTheSystem_IsLoggedOnTheOneTimeline_ByWhoeverHadIt()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var sales = await App.SalesAsync();
        using var parts = await App.PartsAsync();

        var logged = await sales.PostAsJsonAsync($"/api/customers/{who.CustomerId}/contacts", new { kind = "call", fromCustomer = true, summary = "Asked when the car arrives; told Tuesday" });
        var empty = await sales.PostAsJsonAsync($"/api/customers/{who.CustomerId}/contacts", new { kind = "visit", fromCustomer = true, summary = " " });
        var byParts = await parts.PostAsJsonAsync($"/api/customers/{who.CustomerId}/contacts", new { kind = "call", fromCustomer = false, summary = "x" });
        var nobody = await sales.PostAsJsonAsync($"/api/customers/{Guid.NewGuid()}/contacts", new { kind = "call", fromCustomer = false, summary = "x" });

        Assert.That(logged.StatusCode, Is.EqualTo(HttpStatusCode.Created), await logged.Content.ReadAsStringAsync());
        Assert.That((empty.StatusCode, byParts.StatusCode, nobody.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound)));
        var touchpoint = await App.QueryAsync(db => db.Touchpoints.SingleAsync(t => t.CustomerId == who.CustomerId && t.Kind == Domain.Journey.TouchpointKind.Call));
        Assert.That(touchpoint.Summary, Is.EqualTo("Called us: Asked when the car arrives; told Tuesday"));
        Assert.That((touchpoint.Direction, touchpoint.Actor), Is.EqualTo((Domain.Journey.TouchpointDirection.Inbound, Domain.Journey.TouchpointActor.Customer)));
    }

    [Test]
    public async Task ARequestNobodyAnswersWithinAnHour_GoesToEveryManagerOfTheGroup_Once()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var visit = (await (await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Noise", operationCodes = new[] { "DIAG" }, startsAt = Portland(24, 15), separateVisit = true })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var decision = (await (await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/recovery",
            new { action = "goodwill", amount = new { amount = 20_000, currency = "USD" }, reason = "Third visit" })).ReadJsonAsync()).GetProperty("id").GetGuid();

        async Task<Application.Decisions.EscalationReport> RunAsync()
        {
            using var scope = App.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Application.Decisions.ApprovalEscalation>().RunAsync(CancellationToken.None);
        }

        var early = await RunAsync();
        App.Clock.Advance(Portland(23, 10) - App.Clock.GetUtcNow().UtcDateTime); // Monday: the site opened at 8, two hours ago
        var late = await RunAsync();
        var again = await RunAsync();

        Assert.That(early.Escalated, Is.Zero, "the site is closed on Sunday: the hour counts open time");
        Assert.That(late.Escalated, Is.GreaterThanOrEqualTo(1));
        Assert.That(again.Escalated, Is.Zero, "once");
        var tasks = await App.QueryAsync(db => db.Tasks.Where(t => t.SubjectId == decision && t.DeduplicationKey!.EndsWith("/escalated")).ToListAsync());
        Assert.That(tasks, Is.Not.Empty);
        Assert.That(tasks[0].Title, Does.StartWith("Waiting over an hour: goodwill credit of $200.00"));
    }

    [Test]
    public async Task AManagerSetsALimitWithAReason_ItAppliesToTheNextDecision_AndTheHistoryKeepsWhoWhenWhy()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        using var manager = await App.ManagerAsync();
        var visit = (await (await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Noise", operationCodes = new[] { "DIAG" }, startsAt = Portland(24, 15), separateVisit = true })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var sheet = await (await advisor.GetAsync("/api/policies")).ReadJsonAsync();
        var goodwill = sheet.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "ServiceAdvisor" && p.GetProperty("action").GetString() == "goodwill");
        Assert.That((goodwill.GetProperty("limit").GetInt64(), goodwill.GetProperty("isDefault").GetBoolean()), Is.EqualTo((10_000L, true)), "the configured default until a manager sets one");

        var byAdvisor = await advisor.PutAsJsonAsync("/api/policies", new { role = "ServiceAdvisor", action = "goodwill", allowed = true, limit = 1_000_000, reason = "I'd like more" });
        var noReason = await manager.PutAsJsonAsync("/api/policies", new { role = "ServiceAdvisor", action = "goodwill", allowed = true, limit = 30_000, reason = "" });
        var negative = await manager.PutAsJsonAsync("/api/policies", new { role = "ServiceAdvisor", action = "goodwill", allowed = true, limit = -5, reason = "x" });
        var forManagers = await manager.PutAsJsonAsync("/api/policies", new { role = "Manager", action = "goodwill", allowed = true, limit = 5, reason = "x" });
        var raised = await manager.PutAsJsonAsync("/api/policies", new { role = "ServiceAdvisor", action = "goodwill", allowed = true, limit = 30_000, reason = "Advisors handle repeat visits themselves" });
        var noLoaners = await manager.PutAsJsonAsync("/api/policies", new { role = "ServiceAdvisor", action = "loaner", allowed = false, reason = "Loaner fleet is short this month" });

        Assert.That(byAdvisor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(new[] { noReason.StatusCode, negative.StatusCode, forManagers.StatusCode }, Is.All.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(raised.StatusCode, Is.EqualTo(HttpStatusCode.OK), await raised.Content.ReadAsStringAsync());
        Assert.That(noLoaners.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var within = await (await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/recovery",
            new { action = "goodwill", amount = new { amount = 25_000, currency = "USD" }, reason = "Second visit" })).ReadJsonAsync();
        var loaner = await (await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/recovery", new { action = "loaner", reason = "Needs a car for work" })).ReadJsonAsync();
        Assert.That(within.GetProperty("status").GetString(), Is.EqualTo("applied"), "$250 is within the new $300");
        Assert.That(loaner.GetProperty("status").GetString(), Is.EqualTo("awaitingApproval"), "loaners now always go to a manager");
        var history = (await (await manager.GetAsync("/api/policies")).ReadJsonAsync()).GetProperty("history").EnumerateArray().ToList();
        Assert.That(history.Select(h => h.GetProperty("reason").GetString()), Is.EquivalentTo(new[] { "Advisors handle repeat visits themselves", "Loaner fleet is short this month" }));
        Assert.That(history.Single(h => h.GetProperty("action").GetString() == "goodwill").GetProperty("wasLimit").GetInt64(), Is.EqualTo(10_000), "changed from the default that applied");
        Assert.That(history.Select(h => h.GetProperty("changedBy").GetString()), Is.All.EqualTo("Morgan Reyes"));
    }

    [Test]
    public async Task ACompanyCheck_IsPendingUntilAManagerVerifiesItWithTheBank_ThenTheHandoverGoesAhead_AndABounceLaterIsRaisedAtOnce()
    {
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        var (order, due) = await CollectionTests.CollectionBookedAsync(App, sales);

        var onTheirWord = await sales.PostAsJsonAsync($"/api/orders/{order}/payments",
            new { method = "companyCheck", amount = new { amount = due, currency = "USD" }, reference = "CHK-5521", status = "cleared" });
        Assert.That((await onTheirWord.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("clearing-needs-manager"), "not cleared on the salesperson's word");
        var taken = await (await sales.PostAsJsonAsync($"/api/orders/{order}/payments",
            new { method = "companyCheck", amount = new { amount = due, currency = "USD" }, reference = "CHK-5521" })).ReadJsonAsync();
        var payment = taken.GetProperty("payments").EnumerateArray().Last().GetProperty("id").GetGuid();
        var refused = await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2 });
        Assert.That((await refused.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("balance-due"), "a check in hand is not money yet");

        var customerId = await App.QueryAsync(db => db.Orders.Where(o => o.Id == order).Select(o => o.CustomerId).SingleAsync());
        using (var scope = App.Services.CreateScope())
        {
            var page = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Tracking.GetTrackingPage.Query(await App.TrackingTokenAsync(customerId)));
            var shown = page.Orders.Single(o => o.OrderId == order).PendingPayments.Single();
            Assert.That((shown.Method, shown.Verified, shown.Bounced), Is.EqualTo((Domain.Orders.PaymentMethod.CompanyCheck, false, false)),
                "the customer's page says what the check waits for, not a flat no");
        }

        var bySales = await sales.PostAsJsonAsync($"/api/orders/{order}/payments/{payment}/settlement", new { action = "verify", note = "I trust them" });
        var noNote = await manager.PostAsJsonAsync($"/api/orders/{order}/payments/{payment}/settlement", new { action = "verify" });
        var verified = await manager.PostAsJsonAsync($"/api/orders/{order}/payments/{payment}/settlement",
            new { action = "verify", note = "Called First Harbor Bank, J. Ortiz confirmed funds held for CHK-5521" });

        Assert.That(bySales.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(noNote.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        var delivered = await sales.PostAsJsonAsync($"/api/orders/{order}/delivery", new { newCarKeys = 2 });
        Assert.That(delivered.StatusCode, Is.EqualTo(HttpStatusCode.OK), await delivered.Content.ReadAsStringAsync());

        var bounced = await manager.PostAsJsonAsync($"/api/orders/{order}/payments/{payment}/settlement", new { action = "bounced", note = "Returned: stop payment" });
        var customer = await App.QueryAsync(db => db.Orders.Where(o => o.Id == order).Select(o => o.CustomerId).SingleAsync());
        using (var scope = App.Services.CreateScope())
        {
            var standing = (await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Decisions.GetCustomerStanding.Query([customer])))[customer];
            Assert.That((standing.Purchases, standing.PaymentsBounced), Is.EqualTo((1, 1)));
            Assert.That(standing.Notes, Has.Some.Contains("1 payment bounced"), "the manager sees it beside the next decision");
        }

        Assert.That(bounced.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bounced.Content.ReadAsStringAsync());
        var task = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.DeduplicationKey == $"order/{order}/bounced/{payment:N}"));
        Assert.That(task.Title, Does.StartWith("Payment bounced after handover"));
        var timeline = await App.QueryAsync(db => db.Touchpoints.Where(t => t.SubjectId == order).Select(t => t.Summary).ToListAsync());
        Assert.That(timeline, Has.Some.Contains("verified with the bank").And.Some.Contains("bounced: Returned: stop payment"));
        var again = await manager.PostAsJsonAsync($"/api/orders/{order}/payments/{payment}/settlement", new { action = "cleared" });
        Assert.That((await again.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("payment-settled"));
    }
}
