using System.Net;
using System.Text.Json;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Dealership.Domain.Promises;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// The journey dashboard's figures over a month of known journeys (March 2025, far from the demo data): every
/// gap, share and duration is worked out by hand below and must come back exactly.
/// </summary>
public sealed class JourneyAnalyticsTests : SharedAppTests
{
    private const string March = "from=2025-03-01&to=2025-03-31";
    private Guid site;
    private Arrange.CustomerWithCar annie = null!;
    private Arrange.CustomerWithCar ben = null!;
    private Guid annieOrder;
    private Guid benOrder;

    private static DateTime Mar(int day, int hour = 18) => new(2025, 3, day, hour, 0, 0, DateTimeKind.Utc);

    [OneTimeSetUp]
    public async Task ArrangeMarchAsync()
    {
        site = await App.SiteIdAsync("PDX");
        annie = await Arrange.CustomerWithCarAsync(App);
        ben = await Arrange.CustomerWithCarAsync(App);
        var sales = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        var service = await App.QueryAsync(db => db.Users.Where(u => u.Email == "service@demo.local").Select(u => u.Id).SingleAsync());
        var manager = await App.QueryAsync(db => db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync());
        var part = await App.QueryAsync(db => db.Parts.Where(p => p.SiteId == site).Select(p => new { p.Id, p.PartNumber }).FirstAsync());

        await App.QueryAsync(async db =>
        {
            // Annie: ordered Mar 1, confirmed Mar 3, arrived Mar 20, handed over Mar 25 (all 18:00 UTC).
            var a = new VehicleOrder(site, annie.CustomerId, sales, new VehicleSpec(2026, "Honda", "Accord", null, null, null, null), new Money(3_000_000, "USD"),
                new Money(0, "USD"), new Dictionary<OrderMilestone, DateOnly> { [OrderMilestone.ArrivedAtDealership] = new(2025, 3, 28) }, Mar(1));
            a.RecordMilestone(OrderMilestone.FactoryConfirmed, Mar(3), Mar(3));
            a.RecordMilestone(OrderMilestone.Built, Mar(20), Mar(20));
            a.RecordMilestone(OrderMilestone.InTransit, Mar(20), Mar(20));
            a.RecordMilestone(OrderMilestone.ArrivedAtDealership, Mar(20), Mar(20));
            a.ClearDomainEvents();

            // Ben: ordered Mar 10, nothing since; still open at the end of the month.
            var b = new VehicleOrder(site, ben.CustomerId, sales, new VehicleSpec(2026, "Ford", "F-150", null, null, null, null), new Money(5_000_000, "USD"),
                new Money(0, "USD"), new Dictionary<OrderMilestone, DateOnly>(), Mar(10));
            b.ClearDomainEvents();
            db.Orders.AddRange(a, b);
            db.AssignKeys();
            (annieOrder, benOrder) = (a.Id, b.Id);
            // The handover's own preconditions (payment, booking, checklist) are not this test's subject: it is written as having happened.
            db.Entry(a.Milestones.Single(m => m.Milestone == OrderMilestone.Delivered)).Property(m => m.ReachedAt).CurrentValue = Mar(25);
            db.Entry(a).Property(o => o.Status).CurrentValue = OrderMilestone.Delivered;

            void Touch(Guid customer, DateTime at, TouchpointKind kind, TouchpointActor actor, bool proactive, string? subjectType = "order", Guid? subject = null) =>
                db.Touchpoints.Add(new Touchpoint(customer, site, at, kind, actor == TouchpointActor.Dealer ? TouchpointDirection.Outbound : TouchpointDirection.Inbound,
                    actor, proactive, $"{kind} on {at:MMM d}", subjectType: subjectType, subjectId: subject));

            // Annie hears from us Mar 1, 5, 20 (2 h after arrival) and 23 (an answer); she answers once and chases once.
            Touch(annie.CustomerId, Mar(1), TouchpointKind.MessageSent, TouchpointActor.Dealer, true, subject: a.Id);
            Touch(annie.CustomerId, Mar(5), TouchpointKind.MessageSent, TouchpointActor.Dealer, true, subject: a.Id);
            Touch(annie.CustomerId, Mar(20, 20), TouchpointKind.MessageSent, TouchpointActor.Dealer, true, subject: a.Id);
            Touch(annie.CustomerId, Mar(21), TouchpointKind.CustomerReply, TouchpointActor.Customer, false, subject: a.Id);
            Touch(annie.CustomerId, Mar(22), TouchpointKind.CustomerReply, TouchpointActor.Customer, false, "task", Guid.NewGuid());
            Touch(annie.CustomerId, Mar(23), TouchpointKind.MessageSent, TouchpointActor.Dealer, false, subject: a.Id);
            // Ben hears from us once, Mar 12, then calls us on the 28th. Outside the month: neither counts.
            Touch(ben.CustomerId, Mar(12), TouchpointKind.MessageSent, TouchpointActor.Dealer, true, subject: b.Id);
            Touch(ben.CustomerId, Mar(28), TouchpointKind.Call, TouchpointActor.Customer, false, null);
            Touch(ben.CustomerId, new DateTime(2025, 2, 20, 18, 0, 0, DateTimeKind.Utc), TouchpointKind.CustomerReply, TouchpointActor.Customer, false, "task", Guid.NewGuid());
            Touch(ben.CustomerId, new DateTime(2025, 4, 2, 18, 0, 0, DateTimeKind.Utc), TouchpointKind.MessageSent, TouchpointActor.Dealer, true, subject: b.Id);

            // Three visits come in: parts on the shelf for one, still being planned for another, none needed for the third.
            ServiceAppointment Visit(Arrange.CustomerWithCar who, DateTime booked, DateTime checkIn, bool parts, bool reserve)
            {
                var visit = new ServiceAppointment(site, who.CustomerId, who.VehicleId, service, "Service", checkIn, DateOnly.FromDateTime(checkIn), false, [],
                    parts ? [new AppointmentPartLine(part.Id, part.PartNumber, "Filter", 1)] : [], service, booked);
                if (reserve)
                {
                    visit.ReserveLine(visit.PartLines[0]);
                    visit.AssessParts(DateOnly.FromDateTime(checkIn), booked);
                }

                visit.CheckIn(10_000, "", "text", checkIn.AddHours(4), service, checkIn);
                visit.ClearDomainEvents();
                db.Appointments.Add(visit);
                return visit;
            }

            Visit(annie, Mar(2), Mar(9), parts: true, reserve: true);
            Visit(ben, Mar(3), Mar(10), parts: true, reserve: false);
            Visit(ben, Mar(11, 16), Mar(11), parts: false, reserve: false);

            // Promises: sales keeps one and breaks one; service keeps one.
            CustomerPromise Promise(Guid owner, string subjectType, DateTime due, DateTime done)
            {
                var promise = new CustomerPromise(site, annie.CustomerId, owner, "Call back", due, PromiseKind.Manual, subjectType, Guid.NewGuid(), null, Mar(1));
                promise.Keep(done, done);
                db.Promises.Add(promise);
                return promise;
            }

            Promise(sales, "order", Mar(10), Mar(9));
            Promise(sales, "order", Mar(12), Mar(14));
            Promise(service, "appointment", Mar(15), Mar(15, 10));

            // Decisions: one within the limit that kept the customer; three escalated, answered after 2, 4 and 6 hours.
            Decision Decide(DecisionAction action, bool within, DateTime at)
            {
                var d = new Decision(site, service, action, new Money(10_000, "USD"), annie.CustomerId, "appointment", Guid.NewGuid(), "Late part", within, at);
                d.ClearDomainEvents();
                db.Decisions.Add(d);
                return d;
            }

            Decide(DecisionAction.Goodwill, true, Mar(5)).RecordOutcome(DecisionOutcome.CustomerKept, null);
            Decide(DecisionAction.Goodwill, false, Mar(6, 10)).Approve(manager, Mar(6, 12));
            Decide(DecisionAction.Loaner, false, Mar(7, 10)).Approve(manager, Mar(7, 14));
            var declined = Decide(DecisionAction.Loaner, false, Mar(8, 10));
            declined.Decline(manager, Mar(8, 16), "No loaners free");
            declined.RecordOutcome(DecisionOutcome.CustomerLost, "Went elsewhere");
            foreach (var d in db.ChangeTracker.Entries<Decision>())
            {
                d.Entity.ClearDomainEvents();
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }

    private async Task<JsonElement> FiguresAsync()
    {
        using var manager = await App.ManagerAsync();
        var response = await manager.GetAsync($"/api/analytics/journey?{March}&site={site}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Test]
    public async Task Silences_AreCountedByTheStageWhereTheyWentPastItsLimit()
    {
        var silence = (await FiguresAsync()).GetProperty("silence").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);

        // Ordered: Annie (2 days in it) and Ben (Mar 10 to the month's end); Ben's Mar 12 → Apr 1 07:00 UTC is past 7 days.
        Assert.That((silence["Ordered"].GetProperty("orders").GetInt32(), silence["Ordered"].GetProperty("silentOrders").GetInt32(), silence["Ordered"].GetProperty("gaps").GetInt32()),
            Is.EqualTo((2, 1, 1)));
        Assert.That(silence["Ordered"].GetProperty("examples")[0].GetProperty("customerId").GetGuid(), Is.EqualTo(ben.CustomerId));
        // Factory confirmed: Annie's Mar 5 → Mar 20 20:00 is judged at arrival (15 days in, past 7): 15 1/12 days long.
        Assert.That(silence["Factory confirmed"].GetProperty("gaps").GetInt32(), Is.EqualTo(1));
        Assert.That(silence["Factory confirmed"].GetProperty("longestDays").GetDouble(), Is.EqualTo(15 + (2.0 / 24)).Within(1e-9));
        // Arrived (24 h limit): Mar 20 20:00 → Mar 23 (70 h) and Mar 23 → handover Mar 25 (48 h).
        Assert.That((silence["Arrived at the dealership"].GetProperty("silentOrders").GetInt32(), silence["Arrived at the dealership"].GetProperty("gaps").GetInt32()), Is.EqualTo((1, 2)));
        Assert.That(silence["Arrived at the dealership"].GetProperty("longestDays").GetDouble(), Is.EqualTo(70.0 / 24).Within(1e-9));
        Assert.That(silence["Arrived at the dealership"].GetProperty("limitHours").GetDouble(), Is.EqualTo(24));
        Assert.That(silence["Built"].GetProperty("orders").GetInt32(), Is.Zero, "built, shipped and arrived the same moment: no time in between");
    }

    [Test]
    public async Task ContactShares_SplitWhoStartedEachContact()
    {
        var contacts = (await FiguresAsync()).GetProperty("contacts");

        Assert.That((contacts.GetProperty("dealerProactive").GetInt32(), contacts.GetProperty("dealerReactive").GetInt32(),
            contacts.GetProperty("customerAnswers").GetInt32(), contacts.GetProperty("customerChasing").GetInt32(), contacts.GetProperty("total").GetInt32()),
            Is.EqualTo((4, 1, 1, 2, 8)), "February and April are outside the month");
        Assert.That(contacts.GetProperty("chasingShare").GetDouble(), Is.EqualTo(0.25));
        Assert.That(contacts.GetProperty("proactiveShare").GetDouble(), Is.EqualTo(0.8));
        Assert.That(contacts.GetProperty("chasingCustomers").EnumerateArray().Select(c => c.GetProperty("customer").GetString()),
            Is.EquivalentTo(new[] { $"{annie.FirstName} {annie.LastName}", $"{ben.FirstName} {ben.LastName}" }));
    }

    [Test]
    public async Task StageDurations_PartsAtCheckIn_Promises_AndDecisions_ComeOutExactly()
    {
        var figures = await FiguresAsync();
        var durations = figures.GetProperty("durations").EnumerateArray().ToDictionary(d => d.GetProperty("key").GetString()!);

        Assert.That(durations["order-to-arrival"].GetProperty("medianHours").GetDouble(), Is.EqualTo(19 * 24));
        Assert.That(durations["arrival-to-told"].GetProperty("medianHours").GetDouble(), Is.EqualTo(2));
        Assert.That(durations["arrival-to-delivery"].GetProperty("medianHours").GetDouble(), Is.EqualTo(5 * 24));
        Assert.That((durations["booking-to-check-in"].GetProperty("count").GetInt32(), durations["booking-to-check-in"].GetProperty("medianHours").GetDouble(),
            durations["booking-to-check-in"].GetProperty("p90Hours").GetDouble()), Is.EqualTo((3, 168.0, 168.0)), "7 days, 7 days and 2 hours");
        Assert.That(durations["trade-in-payoff"].GetProperty("count").GetInt32(), Is.Zero);

        var parts = figures.GetProperty("partsReadyAtCheckIn");
        Assert.That((parts.GetProperty("of").GetInt32(), parts.GetProperty("yes").GetInt32(), parts.GetProperty("share").GetDouble()), Is.EqualTo((2, 1, 0.5)),
            "the visit without parts does not count");
        Assert.That(parts.GetProperty("misses")[0].GetProperty("customerId").GetGuid(), Is.EqualTo(ben.CustomerId));

        var departments = figures.GetProperty("promisesByDepartment").EnumerateArray().ToDictionary(d => d.GetProperty("who").GetString()!);
        Assert.That((departments["Sales"].GetProperty("kept").GetInt32(), departments["Sales"].GetProperty("broken").GetInt32(), departments["Sales"].GetProperty("keptShare").GetDouble()),
            Is.EqualTo((1, 1, 0.5)));
        Assert.That(departments["Service"].GetProperty("keptShare").GetDouble(), Is.EqualTo(1));
        Assert.That(figures.GetProperty("brokenPromises").EnumerateArray().Select(e => (e.GetProperty("customerId").GetGuid(), e.GetProperty("detail").GetString())),
            Is.EqualTo(new[] { (annie.CustomerId, "Call back") }), "the one broken promise, leading to its customer's journey");

        var decisions = figures.GetProperty("decisions");
        Assert.That((decisions.GetProperty("total").GetInt32(), decisions.GetProperty("withinLimit").GetInt32(), decisions.GetProperty("escalated").GetInt32(),
            decisions.GetProperty("declined").GetInt32(), decisions.GetProperty("medianHoursToAnswer").GetDouble()), Is.EqualTo((4, 1, 3, 1, 4.0)));
        var reasons = decisions.GetProperty("byReason").EnumerateArray().Single();
        Assert.That((reasons.GetProperty("why").GetString(), reasons.GetProperty("total").GetInt32(), reasons.GetProperty("kept").GetInt32(), reasons.GetProperty("open").GetInt32()),
            Is.EqualTo(("other", 3, 1, 2)), "granted decisions only: the declined loaner gave nothing");
        var loaner = decisions.GetProperty("byAction").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "loaner");
        Assert.That((loaner.GetProperty("lost").GetInt32(), loaner.GetProperty("open").GetInt32(), loaner.GetProperty("keptShare").GetDouble()), Is.EqualTo((1, 1, 0.0)));
    }

    [Test]
    public async Task TheOcelExport_FollowsTheStandardsShape_AndEveryRelationshipPointsAtAnObject()
    {
        using var manager = await App.ManagerAsync();
        var response = await manager.GetAsync($"/api/analytics/journey/ocel?{March}&site={site}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var log = await response.ReadJsonAsync();

        Assert.That(log.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "objectTypes", "eventTypes", "objects", "events" }));
        var objectTypes = log.GetProperty("objectTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        var eventTypes = log.GetProperty("eventTypes").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!,
            t => t.GetProperty("attributes").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("type").GetString())).ToList());
        Assert.That(eventTypes.Values.SelectMany(a => a).Select(a => a.Item2).Distinct(), Is.SubsetOf(new[] { "string", "time", "integer", "float", "boolean" }));
        var objects = log.GetProperty("objects").EnumerateArray().ToList();
        var ids = objects.Select(o => o.GetProperty("id").GetString()).ToHashSet();
        Assert.That(objects.Select(o => o.GetProperty("type").GetString()).Distinct(), Is.SubsetOf(objectTypes));
        Assert.That(ids, Does.Contain($"order:{annieOrder}").And.Contain($"customer:{ben.CustomerId}"));
        foreach (var o in objects)
        {
            foreach (var a in o.GetProperty("attributes").EnumerateArray())
            {
                Assert.That(DateTime.TryParse(a.GetProperty("time").GetString(), out _), Is.True);
            }
        }

        var events = log.GetProperty("events").EnumerateArray().ToList();
        Assert.That(events, Has.Count.EqualTo(8), "the month's touchpoints at the site, no more");
        foreach (var e in events)
        {
            Assert.That(eventTypes.ContainsKey(e.GetProperty("type").GetString()!), Is.True);
            Assert.That(e.GetProperty("time").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(e.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("objectId").GetString()), Is.SubsetOf(ids));
            Assert.That(e.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()),
                Is.EquivalentTo(eventTypes[e.GetProperty("type").GetString()!].Select(a => a.Item1)));
        }

        Assert.That(events.Count(e => e.GetProperty("relationships").EnumerateArray().Any(r => r.GetProperty("objectId").GetString() == $"order:{annieOrder}")), Is.EqualTo(5));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(annie.LastName).And.Not.Contain(annie.MobilePhone), "pseudonymous");
    }

    [Test]
    public async Task TheCustomersSilences_AndTheirJourneyPage_MarkWhereTheyWaited()
    {
        using var sales = await App.SalesAsync();
        var silences = (await (await sales.GetAsync($"/api/customers/{annie.CustomerId}/journey/silences")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.That(silences.Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("days").GetDouble())),
            Is.EqualTo(new[] { ("Arrived at the dealership", 2.0), ("Arrived at the dealership", 2.9), ("Factory confirmed", 15.1) }));

        var (pages, _) = await App.SignInToPagesAsync("sales@demo.local");
        var html = await pages.GetStringAsync($"/customers/{annie.CustomerId}/journey");
        Assert.That(System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"silence\""), Is.EqualTo(3));
        Assert.That(html, Does.Contain("15.1 days without a word"));
        Assert.That(html, Does.Not.Contain("Download as OCEL"), "the export is for managers");
        var forbidden = await pages.GetAsync("/analytics");
        Assert.That(forbidden.StatusCode == HttpStatusCode.Forbidden
            || (forbidden.StatusCode == HttpStatusCode.Redirect && forbidden.Headers.Location!.ToString().Contains("/denied", StringComparison.Ordinal)),
            Is.True, "the dashboard is the managers'");
    }

    [Test]
    public async Task TheDashboard_DrawsEveryChart_AndLinksToTheJourneysBehindThem()
    {
        var (pages, _) = await App.SignInToPagesAsync("manager@demo.local");
        var html = await pages.GetStringAsync($"/analytics?{March}&site={site}");

        foreach (var chart in new[] { "chart-silence", "chart-contacts", "chart-durations", "chart-promises", "chart-parts", "chart-decisions" })
        {
            Assert.That(html, Does.Contain($"data-testid=\"{chart}\""), chart);
        }

        Assert.That(html, Does.Contain($"/customers/{ben.CustomerId}/journey"));
        Assert.That(html, Does.Contain("25%").And.Contain("80%"), "chasing and proactive shares");
        var bad = await pages.GetAsync("/analytics?from=2025-03-31&to=2025-03-01");
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("must be on or before the last day"));
    }
}
