using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Handover;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Dealership.Domain.Promises;
using Dealership.Domain.Service;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Demo;

/// <summary>
/// Six months of Portland's past, so the managers' dashboard tells a story on first run (story 004). Until
/// three months ago nobody wrote while the factory built a car, customers chased, and a third of the cars came
/// in before their parts; since then every milestone is told as it happens and parts are pre-ordered, and the
/// charts show the difference. Written through the domain as it happened, with every event dropped, so it
/// sends nothing; deterministic, so every demo shows the same figures.
/// </summary>
public sealed partial class DemoDataSeeder
{
    private static readonly (string Make, string Model, long Price)[] HistoryCars =
    [
        ("Honda", "CR-V", 3_450_000), ("Toyota", "Camry", 3_120_000), ("Ford", "Explorer", 4_480_000), ("Subaru", "Forester", 3_690_000),
        ("Honda", "Civic", 2_690_000), ("Toyota", "Highlander", 4_950_000), ("Mazda", "CX-5", 3_280_000), ("Kia", "Telluride", 4_620_000),
    ];

    private async Task EnsureHistoryAsync(Site portland, Dictionary<string, Guid> owners, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Orders.AnyAsync(o => o.SiteId == portland.Id && o.CreatedAt < now.AddDays(-120), ct))
        {
            return;
        }

        // Past customers of their own: a car is serviced twice a year, so six months of visits need many owners
        // (otherwise one car would be "back" every few weeks and every visit would look like a failed fix).
        var past = PastCustomers(portland, owners[StaffRoles.Salesperson], now);
        db.Customers.AddRange(past);
        db.AssignKeys();
        var cars = past.ToDictionary(c => c.Id, c => c.Vehicles[0].Id);
        var forService = past.Take(60).Select(c => c.Id).ToList();
        var forOrders = past.Skip(60).Select(c => c.Id).ToList();
        var oil = await db.ServiceOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == "OIL-SVC", ct);
        var diag = await db.ServiceOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == "DIAG", ct);
        var parts = await db.Parts.AsNoTracking().Where(p => p.SiteId == portland.Id).ToDictionaryAsync(p => p.PartNumber, ct);
        if (oil is null || diag is null || oil.Parts.Any(p => !parts.ContainsKey(p.PartNumber)))
        {
            return;
        }

        var sales = owners[StaffRoles.Salesperson];
        var advisor = owners[StaffRoles.ServiceAdvisor];
        var manager = owners[StaffRoles.Manager];
        var technician = owners[StaffRoles.Technician];
        var proactiveSince = now.AddDays(-90);
        var prices = parts.Values.ToDictionary(p => p.Id, p => p.SellPriceAmount);

        void Touch(Guid customer, DateTime at, TouchpointKind kind, TouchpointActor actor, bool proactive, string summary, string? subjectType, Guid? subjectId) =>
            db.Touchpoints.Add(new Touchpoint(customer, portland.Id, at, kind,
                kind == TouchpointKind.StatusChanged ? TouchpointDirection.Internal : actor == TouchpointActor.Dealer ? TouchpointDirection.Outbound : TouchpointDirection.Inbound,
                actor, proactive, summary, null, subjectType, subjectId));

        void Told(Guid customer, DateTime at, string text, string subjectType, Guid id, bool proactive = true) =>
            Touch(customer, at, TouchpointKind.MessageSent, TouchpointActor.Dealer, proactive, $"Text sent: {text}", subjectType, id);

        void Chased(Guid customer, DateTime at, string text) =>
            Touch(customer, at, TouchpointKind.CustomerReply, TouchpointActor.Customer, false, $"Text from the customer: {text}", "task", null);

        void Happened(Guid customer, DateTime at, string text, string subjectType, Guid id) =>
            Touch(customer, at, TouchpointKind.StatusChanged, TouchpointActor.Dealer, false, text, subjectType, id);

        var orders = HistoryOrders(portland, forOrders, sales, manager, now, proactiveSince, Told, Chased, Happened);
        var visits = HistoryVisits(portland, forService, cars, oil, diag, parts, prices, advisor, technician, now, proactiveSince, Told, Chased, Happened);
        HistoryDecisions(portland, orders, visits, sales, advisor, manager, now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded six months of demo history: {Orders} orders, {Visits} visits", orders.Count, visits.Count);
    }

    private static readonly string[] PastFirstNames =
        ["Grace", "Henry", "Chloe", "Owen", "Zoe", "Caleb", "Nora", "Isaac", "Lily", "Wyatt", "Hannah", "Levi", "Aria", "Julian", "Ellie", "Miles", "Stella", "Ezra"];

    private static readonly string[] PastLastNames =
        ["Hayes", "Morales", "Park", "Fischer", "Lindqvist", "Okafor", "Reyes", "Sato", "Walsh", "Bianchi", "Novak", "Haddad", "Iverson", "Duarte", "Kowal"];

    /// <summary>Ninety customers who bought or serviced a car over the past year, each with one car.</summary>
    private static List<Domain.Customers.Customer> PastCustomers(Site site, Guid owner, DateTime now)
    {
        var customers = new List<Domain.Customers.Customer>(90);
        for (var i = 0; i < 90; i++)
        {
            var first = PastFirstNames[i % PastFirstNames.Length];
            var last = PastLastNames[(i * 7 + (i / PastFirstNames.Length)) % PastLastNames.Length];
            var spanish = i % 7 == 3;
            var channel = i % 3 == 2 ? Domain.Customers.ContactChannel.Email : Domain.Customers.ContactChannel.Sms;
            var customer = new Domain.Customers.Customer(
                new Domain.Customers.CustomerDetails(first, last, $"{first}.{last}.{i + 1}@example.org".ToLowerInvariant(),
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+1503555{2000 + i:0000}")),
                new Domain.Customers.ContactPreferences(channel, spanish ? "es" : "en", site.TimeZoneId, null, null,
                    SmsConsent: channel == Domain.Customers.ContactChannel.Sms, EmailConsent: true, ConsentSource: $"Signed consent form at {site.Code}"),
                i % 2 == 0 ? owner : null, site.Id, sharedContact: null, now.AddDays(-420 + (i * 2)));
            var car = VehicleCatalogue[i % VehicleCatalogue.Length];
            customer.AddVehicle(MakeVin(car.Template, car.Year, 5_000 + i), car.Year, car.Make, car.Model, car.Trim, car.Color,
                Math.Max(1, now.Year - car.Year) * 11_000, now.AddDays(-420 + (i * 2)));
            customers.Add(customer);
        }

        return customers;
    }

    private List<VehicleOrder> HistoryOrders(Site site, List<Guid> customers, Guid sales, Guid manager, DateTime now, DateTime proactiveSince,
        Action<Guid, DateTime, string, string, Guid, bool> told, Action<Guid, DateTime, string> chased, Action<Guid, DateTime, string, string, Guid> happened)
    {
        var orders = new List<VehicleOrder>();
        for (var i = 0; i < 34; i++)
        {
            var placed = site.ToUtc(DateOnly.FromDateTime(now.AddDays(-178 + (i * 5))).ToDateTime(new TimeOnly(10, 15)));
            var confirmed = placed.AddDays(2);
            var built = placed.AddDays(18 + (i % 7));
            var shipped = built.AddDays(3);
            var arrived = shipped.AddDays(5 + (i % 5));
            var prepared = arrived.AddHours(20);
            var delivered = site.ToUtc(DateOnly.FromDateTime(site.ToLocal(arrived)).AddDays(2 + (i % 4)).ToDateTime(new TimeOnly(15, 0)));
            if (delivered > now.AddDays(-2))
            {
                break;
            }

            var customer = customers[i % customers.Count];
            var car = HistoryCars[i % HistoryCars.Length];
            var promisedArrival = DateOnly.FromDateTime(site.ToLocal(arrived)).AddDays(i % 6 == 0 ? -4 : 2);
            var order = new VehicleOrder(site.Id, customer, sales, new VehicleSpec(2026, car.Make, car.Model, null, null, null, null), new Money(car.Price, site.Currency),
                new Money(89_500, site.Currency), new Dictionary<OrderMilestone, DateOnly> { [OrderMilestone.ArrivedAtDealership] = promisedArrival }, placed);
            db.Orders.Add(order);
            db.AssignKeys();
            order.RecordMilestone(OrderMilestone.FactoryConfirmed, confirmed, confirmed);
            order.RecordMilestone(OrderMilestone.Built, built, built);
            order.RecordMilestone(OrderMilestone.InTransit, shipped, shipped);
            order.RecordMilestone(OrderMilestone.ArrivedAtDealership, arrived, arrived);
            order.RecordMilestone(OrderMilestone.PreparedForDelivery, prepared, prepared);
            foreach (var item in Enum.GetValues<ChecklistItem>())
            {
                order.SetChecklistItem(item, true, sales, prepared);
            }

            var total = new Money(car.Price + 89_500, site.Currency);
            if (i == 30)
            {
                // A company check: "yes, once we have called your bank". The call is recorded by the manager, by name.
                var check = order.RecordPayment(PaymentMethod.CompanyCheck, total, "CHK 20417 Cascade Roofing LLC", PaymentStatus.Pending, sales, prepared);
                db.AssignKeys();
                order.VerifyPayment(check.Id, manager, "Called First Harbor Bank: funds available and held for us", prepared.AddHours(2));
            }
            else if (i == 31)
            {
                var check = order.RecordPayment(PaymentMethod.Check, total, "CHK 1182", PaymentStatus.Pending, sales, prepared);
                db.AssignKeys();
                order.SettlePayment(check.Id, cleared: true, manager, "Cleared after 5 business days", prepared.AddDays(1));
            }
            else
            {
                order.RecordPayment(i % 3 == 0 ? PaymentMethod.LenderFunding : PaymentMethod.Card, total, $"AUTH-{700_100 + i}", PaymentStatus.Cleared, sales, prepared);
            }

            order.ScheduleCollection(delivered, DateOnly.FromDateTime(site.ToLocal(delivered)), false, ChoiceChannel.TrackingPage, null, prepared.AddHours(3));
            order.Deliver(true, DealBalance.For(order, null, site.DealRules), 2, null, sales, null, delivered);
            order.ClearDomainEvents();
            orders.Add(order);

            var promise = new CustomerPromise(site.Id, customer, sales, $"{car.Model} at the dealership by {promisedArrival:MMM d}", site.ToUtc(promisedArrival.ToDateTime(new TimeOnly(19, 0))),
                PromiseKind.Milestone, "order", order.Id, nameof(OrderMilestone.ArrivedAtDealership), placed);
            promise.Keep(arrived, arrived);
            db.Promises.Add(promise);

            var name = $"{car.Make} {car.Model}";
            happened(customer, placed, $"Order placed: 2026 {name}", "order", order.Id);
            foreach (var (milestone, at) in new[] { (OrderMilestone.FactoryConfirmed, confirmed), (OrderMilestone.Built, built), (OrderMilestone.InTransit, shipped),
                (OrderMilestone.ArrivedAtDealership, arrived), (OrderMilestone.PreparedForDelivery, prepared) })
            {
                happened(customer, at, $"{VehicleOrder.Describe(milestone)}: 2026 {name}", "order", order.Id);
            }

            told(customer, placed.AddMinutes(10), $"Thanks for your order! We'll tell you at every step of your {name}'s journey.", "order", order.Id, true);
            var proactive = placed >= proactiveSince;
            if (proactive)
            {
                told(customer, confirmed.AddHours(1), $"The factory confirmed your {name}.", "order", order.Id, true);
                // The watchdog's weekly word while the factory builds: nothing new, and still on schedule.
                for (var checkIn = confirmed.AddDays(6); checkIn < built; checkIn = checkIn.AddDays(6))
                {
                    told(customer, checkIn, $"Still on schedule: your {name} is in the factory's build plan.", "order", order.Id, true);
                }

                told(customer, built.AddHours(1), $"Your {name} is built.", "order", order.Id, true);
                told(customer, shipped.AddHours(1), $"Your {name} is on its way to us.", "order", order.Id, true);
                if (arrived - shipped > TimeSpan.FromDays(6))
                {
                    told(customer, shipped.AddDays(5), $"Your {name} is about two days away.", "order", order.Id, true);
                }

                told(customer, arrived.AddHours(1 + (i % 3)), $"Your {name} is here! Pick a time to collect it.", "order", order.Id, true);
            }
            else
            {
                // Before proactive messages: weeks of factory silence, the customer asks, someone finds out.
                chased(customer, placed.AddDays(15), "Any news on my car? It's been two weeks.");
                told(customer, placed.AddDays(15).AddHours(5), "Sorry for the wait: the factory is building it now.", "order", order.Id, false);
                if (i % 2 == 0)
                {
                    chased(customer, shipped.AddDays(2), "Is it shipped yet?");
                    told(customer, shipped.AddDays(2).AddHours(3), "Yes, it left the factory and should be with us in a week.", "order", order.Id, false);
                }

                told(customer, arrived.AddHours(26 + (i % 4 * 6)), $"Your {name} has arrived. When would you like to collect it?", "order", order.Id, true);
            }

            told(customer, delivered.AddDays(-1), $"See you tomorrow for your {name}'s handover.", "order", order.Id, true);
            happened(customer, delivered, $"Delivered: keys to the new 2026 {name} handed over", "order", order.Id);
        }

        return orders;
    }

    private List<ServiceAppointment> HistoryVisits(Site site, List<Guid> customers, Dictionary<Guid, Guid> cars, ServiceOperation oil, ServiceOperation diag,
        Dictionary<string, Domain.Parts.Part> parts, Dictionary<Guid, long> prices, Guid advisor, Guid technician, DateTime now, DateTime proactiveSince,
        Action<Guid, DateTime, string, string, Guid, bool> told, Action<Guid, DateTime, string> chased, Action<Guid, DateTime, string, string, Guid> happened)
    {
        var visits = new List<ServiceAppointment>();
        var day = DateOnly.FromDateTime(site.ToLocal(now)).AddDays(-172);
        for (var i = 0; i < 60; i++, day = day.AddDays(i % 2 == 0 ? 3 : 2))
        {
            while (site.HoursOn(day.DayOfWeek) is null)
            {
                day = day.AddDays(1);
            }

            var checkIn = site.ToUtc(day.ToDateTime(new TimeOnly(8, 30 + (i % 3 * 10))));
            if (checkIn > now.AddDays(-3))
            {
                break;
            }

            var customer = customers[(i * 7) % customers.Count];
            var booked = checkIn.AddDays(-(2 + (i % 12)));
            // Before pre-ordering a quarter of the cars came in before their parts; since, one in ten.
            var partsReady = checkIn >= proactiveSince ? i % 10 != 0 : i % 4 != 0;
            var visit = Visit(site, customer, cars[customer], oil, parts, advisor, booked, checkIn, partsReady, technician, prices, partsReady ? 3 : 27);
            visits.Add(visit);

            var readyAt = visit.ReadyAt!.Value;
            var promise = new CustomerPromise(site.Id, customer, advisor, "Car ready for pickup", checkIn.AddHours(5), PromiseKind.Manual, "appointment", visit.Id, "readyForPickup", checkIn);
            promise.Keep(readyAt, readyAt);
            db.Promises.Add(promise);

            told(customer, booked, $"Your visit is booked for {site.ToLocal(checkIn):ddd MMM d 'at' h:mm tt}.", "appointment", visit.Id, true);
            told(customer, checkIn.AddDays(-1), "Reminder: see you tomorrow.", "appointment", visit.Id, true);
            happened(customer, checkIn, "Checked in: car and keys received", "appointment", visit.Id);
            if (!partsReady)
            {
                chased(customer, checkIn.AddHours(7), "Is my car ready? I need it tonight.");
                told(customer, checkIn.AddHours(7.5), "Sorry: a part only arrives tomorrow morning. We'll text you the moment it's done.", "appointment", visit.Id, false);
            }

            told(customer, readyAt.AddMinutes(5), "Your car is ready to collect.", "appointment", visit.Id, true);
            happened(customer, visit.CollectedAt!.Value, "Collected and paid", "appointment", visit.Id);

            // Every ninth car is back within a month: the first visit did not fix it.
            if (i % 9 == 4)
            {
                var back = visit.CollectedAt!.Value.AddDays(9);
                var again = Visit(site, customer, cars[customer], diag, parts, advisor, back.AddDays(-2), site.ToUtc(DateOnly.FromDateTime(site.ToLocal(back)).ToDateTime(new TimeOnly(9, 0))),
                    true, technician, prices, 2);
                visits.Add(again);
                told(customer, again.CreatedAt, "Sorry it's not right yet: your visit is booked.", "appointment", again.Id, false);
            }
        }

        return visits;
    }

    private ServiceAppointment Visit(Site site, Guid customer, Guid vehicle, ServiceOperation operation, Dictionary<string, Domain.Parts.Part> parts, Guid advisor,
        DateTime booked, DateTime checkIn, bool partsReady, Guid technician, Dictionary<Guid, long> prices, int hoursToReady)
    {
        var visit = new ServiceAppointment(site.Id, customer, vehicle, advisor, operation.Description, checkIn, DateOnly.FromDateTime(site.ToLocal(checkIn)), walkIn: false,
            [new AppointmentOperation(operation.Code, operation.Description, operation.LabourMinutes)],
            operation.Parts.Select(p => new AppointmentPartLine(parts[p.PartNumber].Id, p.PartNumber, parts[p.PartNumber].Description, p.Quantity)),
            advisor, booked);
        db.Appointments.Add(visit);
        db.AssignKeys();

        void Shelve()
        {
            foreach (var line in visit.PartLines.Where(l => l.State != PartLineState.Reserved).ToList())
            {
                visit.ReserveLine(line);
            }

            visit.AssessParts(visit.Date, checkIn);
        }

        if (partsReady)
        {
            Shelve();
        }

        visit.CheckIn(30_000 + (int)(checkIn.Ticks / TimeSpan.TicksPerHour % 40_000), "", "Text", checkIn.AddHours(5), advisor, checkIn);
        visit.StartWork(technician, checkIn.AddHours(1));
        visit.RecordInspection([new("Tires", InspectionRating.Green, null, null), new("Brakes", InspectionRating.Green, null, null),
            new("Lights", InspectionRating.Green, null, null), new("Fluids", InspectionRating.Green, null, null)], technician, checkIn.AddHours(1.5));
        if (!partsReady)
        {
            Shelve();
        }

        var readyAt = checkIn.AddHours(hoursToReady);
        visit.MarkReady(technician, readyAt);
        var bill = ServiceBill.For(visit, site.LabourRatePerHour, site.SalesTaxBasisPoints, site.Currency, prices, []);
        var paid = new Money(bill.Total, site.Currency);
        visit.Collect(paid, paid, "Card", false, $"AUTH-{readyAt:MMddHHmm}", advisor, readyAt.AddHours(3));
        visit.ClearDomainEvents();
        return visit;
    }

    /// <summary>Front-line decisions over the months, most within the person's limit, with what came of them.</summary>
    private void HistoryDecisions(Site site, List<VehicleOrder> orders, List<ServiceAppointment> visits, Guid sales, Guid advisor, Guid manager, DateTime now)
    {
        var kinds = new[] { DecisionAction.Goodwill, DecisionAction.Loaner, DecisionAction.Reschedule, DecisionAction.Coupon, DecisionAction.Goodwill, DecisionAction.Discount };
        var reasons = new Dictionary<DecisionAction, string>
        {
            [DecisionAction.Goodwill] = "The part was late and she took a day off work for nothing",
            [DecisionAction.Loaner] = "Needs a car for the school run while his waits for a part",
            [DecisionAction.Reschedule] = "We overbooked the morning; moved him to a slot that suits him",
            [DecisionAction.Coupon] = "Waited an hour past the promised time",
            [DecisionAction.Discount] = "Loyal customer, third car with us, price-matched a quote",
        };
        for (var i = 0; i < 28 && i < visits.Count; i++)
        {
            var kind = kinds[i % kinds.Length];
            var onOrder = kind == DecisionAction.Discount && orders.Count > 0;
            var subject = onOrder ? orders[i % orders.Count].Id : visits[i * visits.Count / 28].Id;
            var customer = onOrder ? orders[i % orders.Count].CustomerId : visits[i * visits.Count / 28].CustomerId;
            var at = onOrder ? orders[i % orders.Count].CreatedAt.AddDays(1) : visits[i * visits.Count / 28].CheckedInAt!.Value.AddHours(2);
            var within = i % 3 != 2;
            var amount = kind is DecisionAction.Reschedule or DecisionAction.Loaner ? (Money?)null : new Money(within ? 5_000 + (i * 700) : 20_000 + (i * 1_000), site.Currency);
            var why = kind switch
            {
                DecisionAction.Discount => i % 2 == 0 ? DecisionReason.CompetitorMatch : DecisionReason.Loyalty,
                DecisionAction.Goodwill => DecisionReason.OurMistake,
                _ => DecisionReason.Delay,
            };
            var decision = new Decision(site.Id, onOrder ? sales : advisor, kind, amount, customer, onOrder ? "order" : "appointment", subject, reasons[kind], within, at, why: why);
            var declined = !within && i / 3 % 3 == 1;
            if (!within)
            {
                var answeredAt = at.AddMinutes(15 + (i * 17 % 200));
                if (declined)
                {
                    decision.Decline(manager, answeredAt, "Above what this warrants; offer the coupon instead");
                }
                else
                {
                    decision.Approve(manager, answeredAt, "Yes, go ahead");
                }
            }

            if (at < now.AddDays(-14))
            {
                var outcome = declined ? (i % 2 == 0 ? DecisionOutcome.CustomerLost : DecisionOutcome.NoEffect)
                    : kind == DecisionAction.Discount && i % 4 == 1 ? DecisionOutcome.NoEffect
                    : i % 7 == 5 ? DecisionOutcome.CustomerLost : DecisionOutcome.CustomerKept;
                decision.RecordOutcome(outcome, outcome switch
                {
                    DecisionOutcome.CustomerKept => onOrder ? "Bought the car and booked the first service" : "Came back for the next service",
                    DecisionOutcome.CustomerLost => "Did not book again; serviced elsewhere",
                    _ => "Went ahead as planned; no sign it changed anything",
                });
            }

            decision.ClearDomainEvents();
            db.Decisions.Add(decision);
        }
    }
}
