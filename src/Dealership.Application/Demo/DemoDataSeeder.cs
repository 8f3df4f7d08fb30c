using System.Globalization;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Customers;
using Dealership.Domain.Orders;
using Dealership.Domain.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Demo;

/// <summary>
/// Fills an empty Development database with a dealership group that tells the product's stories on first
/// run: two rooftops, one demo account per role and a few dozen customers with their cars. Idempotent (it
/// checks what exists before adding) and called only in Development; the host enforces that.
/// </summary>
public sealed class DemoDataSeeder(
    DealershipDbContext db,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    TimeProvider clock,
    Notifications.Outbox outbox,
    global::Mediator.IMediator mediator,
    Service.WorkshopCapacity workshop,
    ILogger<DemoDataSeeder> logger)
{
    public const string DemoPassword = "Demo!2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, bool BothSites)> DemoAccounts =
    [
        ("manager@demo.local", "Morgan Reyes", StaffRoles.Manager, true),
        ("sales@demo.local", "Sam Carter", StaffRoles.Salesperson, true),
        ("service@demo.local", "Alex Kim", StaffRoles.ServiceAdvisor, false),
        ("usedcars@demo.local", "Jordan Blake", StaffRoles.UsedCarManager, false),
        ("parts@demo.local", "Pat Nguyen", StaffRoles.PartsClerk, false),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var (portland, boise) = await EnsureSitesAsync(cancellationToken);
        await EnsureRolesAsync();
        var owners = await EnsureDemoStaffAsync(portland, boise, cancellationToken);
        await EnsureCustomersAsync(portland, boise, owners, cancellationToken);
        await EnsureOrdersAsync(portland, owners, cancellationToken);
        await EnsureServiceAsync(portland, boise, owners, cancellationToken);
        // Last: Liam's text is routed to the advisor of the visit he has booked, so the visit must exist.
        await EnsureConversationsAsync(portland, cancellationToken);
    }

    /// <summary>
    /// Story 002 in the workshop: an operation catalogue, parts with stock and suppliers, and three weeks of
    /// appointments at Portland: most with parts on the shelf, James Whitaker's wiper motor on order (his
    /// 2016 Pilot is the story's car), Charlotte Hayes's hybrid pump unable to arrive in time (at risk, so she
    /// and the advisor hear now). The pre-ordering job then runs as it would in production.
    /// </summary>
    private async Task EnsureServiceAsync(Site portland, Site boise, Dictionary<string, Guid> owners, CancellationToken ct)
    {
        if (await db.ServiceOperations.AnyAsync(ct))
        {
            return;
        }

        var operations = new[]
        {
            new Domain.Service.ServiceOperation("OIL-SVC", "Oil and filter change, multi-point inspection", 45, [("15400-PLM-A02", 1), ("08798-9036", 1)]),
            new Domain.Service.ServiceOperation("CABIN-F", "Cabin air filter replacement", 15, [("80292-TG7-A41", 1)]),
            new Domain.Service.ServiceOperation("BRK-F", "Front brake pads and discs", 120, [("45022-TG7-A01", 1), ("45251-TG7-A01", 2)]),
            new Domain.Service.ServiceOperation("TIRE-4", "Four tires mounted and balanced, alignment check", 75, [("TYR-235-60R18", 4)]),
            new Domain.Service.ServiceOperation("WIPER-MOTOR", "Front wiper motor replacement (cowl and intake removed)", 180, [("76505-TG7-A01", 1)]),
            new Domain.Service.ServiceOperation("TIMING-BELT", "Timing belt and water pump kit", 240, [("14400-RCA-A01-KIT", 1)]),
            new Domain.Service.ServiceOperation("HV-PUMP", "Hybrid system coolant pump replacement", 150, [("G9020-47031", 1)]),
            new Domain.Service.ServiceOperation("DIAG", "Diagnosis of a reported concern", 60, []),
        };
        db.ServiceOperations.AddRange(operations);
        portland.SetWorkshop(workshopMinutesPerDay: 4 * 480, advisorMinutesPerDay: 960, slotMinutes: 30, labourRatePerHour: 16_500);
        boise.SetWorkshop(workshopMinutesPerDay: 3 * 480, advisorMinutesPerDay: 960, slotMinutes: 30, labourRatePerHour: 14_500);
        db.Sites.UpdateRange(portland, boise);

        var oem = new Domain.Parts.Supplier("Harbor OEM Parts Direct", "orders@oem-parts.example.com", autoSend: true);
        var pacific = new Domain.Parts.Supplier("Pacific Auto Supply", "counter@pacific-auto.example.com", autoSend: false);
        var hybrid = new Domain.Parts.Supplier("Northwest Hybrid Specialists", "sales@nw-hybrid.example.com", autoSend: true);
        db.Suppliers.AddRange(oem, pacific, hybrid);
        await db.SaveChangesAsync(ct);

        Domain.Parts.Part Stock(Site site, string number, string description, int onHand, long price, params (Domain.Parts.Supplier Supplier, int Lead, long Cost)[] sources)
        {
            var part = new Domain.Parts.Part(site.Id, number, description, onHand, new Money(price, site.Currency));
            foreach (var (supplier, lead, cost) in sources)
            {
                part.SetSupplier(supplier.Id, lead, new Money(cost, site.Currency));
            }

            db.Parts.Add(part);
            return part;
        }

        foreach (var site in new[] { portland, boise })
        {
            Stock(site, "15400-PLM-A02", "Oil filter", 40, 1_495, (oem, 1, 650), (pacific, 1, 590));
            Stock(site, "08798-9036", "Engine oil 0W-20, 5 qt", 30, 3_995, (oem, 1, 2_100), (pacific, 2, 1_950));
            Stock(site, "80292-TG7-A41", "Cabin air filter", 12, 3_495, (oem, 2, 1_400), (pacific, 1, 1_250));
            Stock(site, "45022-TG7-A01", "Front brake pad set", 6, 8_995, (oem, 1, 4_300), (pacific, 2, 3_900));
            Stock(site, "45251-TG7-A01", "Front brake disc", 4, 12_450, (oem, 2, 6_100), (pacific, 1, 5_400));
            Stock(site, "TYR-235-60R18", "Tire 235/60 R18 all-season", 8, 18_900, (pacific, 2, 11_200));
            Stock(site, "76505-TG7-A01", "Front wiper motor", 0, 38_900, (oem, 3, 24_500), (pacific, 6, 22_900));
            Stock(site, "14400-RCA-A01-KIT", "Timing belt and water pump kit", 0, 42_500, (pacific, 4, 26_800), (oem, 5, 29_900));
            Stock(site, "G9020-47031", "Hybrid coolant pump", 0, 61_000, (hybrid, 15, 41_000));
        }

        await db.SaveChangesAsync(ct);

        var advisor = owners[StaffRoles.ServiceAdvisor];
        var catalogue = operations.ToDictionary(o => o.Code);
        var parts = await db.Parts.Where(p => p.SiteId == portland.Id).ToDictionaryAsync(p => p.PartNumber, ct);
        var customers = await db.Customers.Where(c => c.EmailKey!.EndsWith("@example.com")).ToDictionaryAsync(c => c.EmailKey!, ct);
        var vehicles = (await db.Vehicles.ToListAsync(ct)).GroupBy(v => v.CustomerId).ToDictionary(g => g.Key, g => g.First().Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(portland.ToLocal(now));

        async Task BookAsync(string email, int days, int hour, int minute, string concern, params string[] codes)
        {
            if (!customers.TryGetValue(email, out var customer))
            {
                return;
            }

            var date = today.AddDays(days);
            while (portland.HoursOn(date.DayOfWeek) is null)
            {
                date = date.AddDays(1);
            }

            var startsAt = portland.ToUtc(date.ToDateTime(new TimeOnly(hour, minute)));
            var ops = codes.Select(c => catalogue[c]).ToList();
            var lines = ops.SelectMany(o => o.Parts).GroupBy(p => p.PartNumber)
                .Select(g => new Domain.Service.AppointmentPartLine(parts[g.Key].Id, g.Key, parts[g.Key].Description, g.Sum(p => p.Quantity)));
            var appointment = new Domain.Service.ServiceAppointment(portland.Id, customer.Id, vehicles[customer.Id], advisor, concern, startsAt, date, walkIn: false,
                ops.Select(o => new Domain.Service.AppointmentOperation(o.Code, o.Description, o.LabourMinutes)), lines, advisor, now.AddDays(-Math.Max(1, 30 - days)));
            appointment.ClearDomainEvents();
            await workshop.ReserveAsync(portland, date, startsAt, walkIn: false, appointment.LabourMinutes, advisor, null, ct);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(ct);
        }

        if (portland.HoursOn(today.DayOfWeek) is not null)
        {
            await BookAsync("scarlett.obrien@example.com", 0, 8, 0, "Due for an oil change; the light came on", "OIL-SVC");
            await BookAsync("owen.yamamoto@example.com", 0, 9, 0, "Squealing from the front when braking", "BRK-F");
        }

        await BookAsync("olivia.bennett@example.com", 1, 8, 0, "Regular service", "OIL-SVC");
        await BookAsync("liam.ortiz@example.com", 1, 8, 30, "Los frenos hacen ruido al frenar", "BRK-F");
        await BookAsync("noah.patel@example.com", 2, 9, 0, "Tires are worn, wants four new ones before winter", "TIRE-4");
        await BookAsync("ava.hernandez@example.com", 3, 8, 0, "Servicio y olor en la ventilación", "OIL-SVC", "CABIN-F");
        await BookAsync("charlotte.hayes@example.com", 4, 9, 30, "Hybrid system warning on the dash", "HV-PUMP");
        await BookAsync("henry.morrison@example.com", 5, 10, 0, "Brake pedal vibrates when stopping", "BRK-F");
        await BookAsync("james.whitaker@example.com", 8, 8, 30, "The windshield wipers stopped working", "WIPER-MOTOR");
        await BookAsync("alexander.reed@example.com", 10, 9, 0, "Rattle from the dashboard over bumps", "DIAG");
        await BookAsync("harper.jensen@example.com", 12, 8, 0, "Timing belt due at 105,000 miles", "TIMING-BELT");
        await BookAsync("evelyn.price@example.com", 15, 10, 30, "Oil change", "OIL-SVC");
        await BookAsync("matthew.gallagher@example.com", 18, 11, 0, "Four new tires", "TIRE-4");
        await BookAsync("jackson.tran@example.com", 19, 8, 30, "Grinding noise from the front brakes", "BRK-F");

        var report = await mediator.Send(new Parts.RunPartsPlanning.Command(null), ct);
        logger.LogInformation("Seeded the workshop: {Appointments} appointments planned, {Reserved} lines reserved, {Ordered} ordered, {AtRisk} at risk",
            report.Appointments, report.LinesReserved, report.LinesOrdered, report.BecameAtRisk);
    }

    /// <summary>
    /// Orders that tell story 001 on the deliveries board: one on track, one late, one whose customer has not
    /// heard from us for too long, one at the dealership waiting for a collection time, one of another owner.
    /// Their history is written directly (as if it had happened), so it sends nothing on first run.
    /// </summary>
    private async Task EnsureOrdersAsync(Site portland, Dictionary<string, Guid> owners, CancellationToken ct)
    {
        if (await db.Orders.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(portland.ToLocal(now));
        var sales = owners[StaffRoles.Salesperson];
        var manager = owners[StaffRoles.Manager];
        var customers = await db.Customers.Where(c => c.EmailKey!.EndsWith("@example.com")).ToDictionaryAsync(c => c.EmailKey!, ct);

        VehicleOrder? Place(string email, Guid owner, VehicleSpec vehicle, long price, int daysAgo, params (OrderMilestone Milestone, int PromisedInDays)[] promises)
        {
            if (!customers.TryGetValue(email, out var customer))
            {
                return null;
            }

            var order = new VehicleOrder(portland.Id, customer.Id, owner, vehicle, new Money(price, portland.Currency), new Money(89_500, portland.Currency),
                promises.ToDictionary(p => p.Milestone, p => today.AddDays(p.PromisedInDays)), now.AddDays(-daysAgo));
            db.Orders.Add(order);
            return order;
        }

        void Reach(VehicleOrder? order, params (OrderMilestone Milestone, int DaysAgo)[] steps)
        {
            foreach (var (milestone, daysAgo) in steps)
            {
                order?.RecordMilestone(milestone, now.AddDays(-daysAgo), now);
            }
        }

        void Contacted(VehicleOrder? order, int daysAgo, string summary)
        {
            if (order is not null)
            {
                db.Touchpoints.Add(new Domain.Journey.Touchpoint(order.CustomerId, order.SiteId, now.AddDays(-daysAgo), Domain.Journey.TouchpointKind.MessageSent,
                    Domain.Journey.TouchpointDirection.Outbound, Domain.Journey.TouchpointActor.Dealer, proactive: true, summary, subjectType: "order", subjectId: order.Id));
            }
        }

        var onTrack = Place("olivia.bennett@example.com", sales, new VehicleSpec(today.Year + 1, "Honda", "Accord", "Touring", "Canyon River Blue", "Technology package", null), 3_899_000, 3,
            (OrderMilestone.FactoryConfirmed, 4), (OrderMilestone.Built, 30), (OrderMilestone.InTransit, 40), (OrderMilestone.ArrivedAtDealership, 55), (OrderMilestone.PreparedForDelivery, 58));
        Contacted(onTrack, 1, "Text sent: your Accord is on order; factory confirmation expected this week.");

        var late = Place("noah.patel@example.com", sales, new VehicleSpec(today.Year + 1, "Toyota", "RAV4", "XLE Hybrid", "Cavalry Blue", null, MakeVin("2T3RWRFV", today.Year + 1, 311)), 3_645_000, 70,
            (OrderMilestone.FactoryConfirmed, -60), (OrderMilestone.Built, -30), (OrderMilestone.InTransit, -14), (OrderMilestone.ArrivedAtDealership, -2), (OrderMilestone.PreparedForDelivery, 2));
        Reach(late, (OrderMilestone.FactoryConfirmed, 62), (OrderMilestone.Built, 31), (OrderMilestone.InTransit, 13));
        Contacted(late, 4, "Text sent: your RAV4 is on its way to Harbor Motors Portland.");

        var silent = Place("emma.sullivan@example.com", sales, new VehicleSpec(today.Year + 1, "Ford", "F-150", "Lariat", "Antimatter Blue", "Max tow package", null), 6_210_000, 20,
            (OrderMilestone.FactoryConfirmed, -12), (OrderMilestone.Built, 25), (OrderMilestone.ArrivedAtDealership, 60));
        Reach(silent, (OrderMilestone.FactoryConfirmed, 12));
        Contacted(silent, 11, "Email sent: the factory confirmed your F-150.");

        var arrived = Place("sophia.nguyen@example.com", sales, new VehicleSpec(today.Year + 1, "Mazda", "CX-5", "Turbo Signature", "Soul Red Crystal", null, MakeVin("JM3KFBEY", today.Year + 1, 412)), 4_120_000, 45,
            (OrderMilestone.FactoryConfirmed, -40), (OrderMilestone.ArrivedAtDealership, -1), (OrderMilestone.PreparedForDelivery, 0));
        Reach(arrived, (OrderMilestone.FactoryConfirmed, 41), (OrderMilestone.Built, 25), (OrderMilestone.InTransit, 9), (OrderMilestone.ArrivedAtDealership, 1), (OrderMilestone.PreparedForDelivery, 0));
        arrived?.SetChecklistItem(ChecklistItem.PreDeliveryInspection, true, sales, now);
        arrived?.SetChecklistItem(ChecklistItem.FundsArranged, true, sales, now);
        arrived?.RecordPayment(PaymentMethod.Card, new Money(200_000, portland.Currency), "AUTH-204411", PaymentStatus.Cleared, sales, now.AddDays(-45));
        Contacted(arrived, 0, "Text sent: your CX-5 is ready. Pick a collection time that suits you.");

        var managers = Place("james.whitaker@example.com", manager, new VehicleSpec(today.Year + 1, "Chevrolet", "Equinox", "RS", "Radiant Red", null, null), 3_390_000, 25,
            (OrderMilestone.FactoryConfirmed, -20), (OrderMilestone.Built, -2), (OrderMilestone.InTransit, 6), (OrderMilestone.ArrivedAtDealership, 15));
        Reach(managers, (OrderMilestone.FactoryConfirmed, 21), (OrderMilestone.Built, 2));
        Contacted(managers, 2, "Text sent: your Equinox has been built.");

        var justArrived = Place("benjamin.foster@example.com", sales, new VehicleSpec(today.Year + 1, "Hyundai", "Ioniq 5", "Limited", "Digital Teal", null, MakeVin("KM8KRDDF", today.Year + 1, 501)), 5_350_000, 50,
            (OrderMilestone.FactoryConfirmed, -45), (OrderMilestone.ArrivedAtDealership, 0), (OrderMilestone.PreparedForDelivery, 2));
        Reach(justArrived, (OrderMilestone.FactoryConfirmed, 46), (OrderMilestone.Built, 30), (OrderMilestone.InTransit, 10), (OrderMilestone.ArrivedAtDealership, 0));
        Contacted(justArrived, 0, "Text sent: your Ioniq 5 arrived at Harbor Motors Portland today!");

        var scheduled = Place("mia.coleman@example.com", manager, new VehicleSpec(today.Year + 1, "Toyota", "Camry", "XSE", "Wind Chill Pearl", null, MakeVin("4T1K61AK", today.Year + 1, 602)), 3_310_000, 60,
            (OrderMilestone.FactoryConfirmed, -55), (OrderMilestone.ArrivedAtDealership, -5), (OrderMilestone.PreparedForDelivery, -3));
        Reach(scheduled, (OrderMilestone.FactoryConfirmed, 56), (OrderMilestone.Built, 35), (OrderMilestone.InTransit, 12), (OrderMilestone.ArrivedAtDealership, 5), (OrderMilestone.PreparedForDelivery, 3));
        foreach (var item in Enum.GetValues<ChecklistItem>())
        {
            scheduled?.SetChecklistItem(item, true, manager, now.AddDays(-3));
        }

        Contacted(scheduled, 2, "Text sent: your collection is booked for tomorrow at 10:00 AM.");

        var delivered = Place("henry.morrison@example.com", sales, new VehicleSpec(today.Year, "Subaru", "Forester", "Sport", "Autumn Green", null, MakeVin("JF2SKAGC", today.Year, 703)), 3_480_000, 80,
            (OrderMilestone.FactoryConfirmed, -75), (OrderMilestone.ArrivedAtDealership, -20));
        Reach(delivered, (OrderMilestone.FactoryConfirmed, 76), (OrderMilestone.Built, 50), (OrderMilestone.InTransit, 30), (OrderMilestone.ArrivedAtDealership, 21), (OrderMilestone.PreparedForDelivery, 18));
        foreach (var item in Enum.GetValues<ChecklistItem>())
        {
            delivered?.SetChecklistItem(item, true, sales, now.AddDays(-18));
        }

        await db.SaveChangesAsync(ct);
        if (scheduled is not null)
        {
            // Tomorrow at 10:00 at the site, in bay 1: the customer chose it.
            var start = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(today.AddDays(1).ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Unspecified), portland.TimeZone);
            db.CollectionBookings.Add(new Domain.Handover.CollectionBooking(scheduled.Id, portland.Id, manager, 1, start, start.AddMinutes(portland.CollectionMinutes), Domain.Handover.ChoiceChannel.TrackingPage, null, now.AddDays(-2)));
            scheduled.ScheduleCollection(start, today.AddDays(1), reschedule: false, Domain.Handover.ChoiceChannel.TrackingPage, null, now.AddDays(-2));
        }

        if (delivered is not null)
        {
            var start = now.AddDays(-15);
            db.CollectionBookings.Add(new Domain.Handover.CollectionBooking(delivered.Id, portland.Id, sales, 2, start, start.AddMinutes(portland.CollectionMinutes), Domain.Handover.ChoiceChannel.Phone, sales, now.AddDays(-17)));
            delivered.ScheduleCollection(start, DateOnly.FromDateTime(portland.ToLocal(start)), reschedule: false, Domain.Handover.ChoiceChannel.Phone, sales, now.AddDays(-17));
            delivered.RecordPayment(PaymentMethod.LenderFunding, delivered.BalanceDue, "LOAN-883120", PaymentStatus.Cleared, sales, now.AddDays(-15));
            delivered.Deliver(hasBooking: true, sales, now.AddDays(-15));
        }

        // History, not news: clear the events so nothing is sent for these on first run.
        foreach (var order in new[] { onTrack, late, silent, arrived, managers, justArrived, scheduled, delivered })
        {
            order?.ClearDomainEvents();
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo vehicle orders");
    }

    /// <summary>
    /// A message on its way to a customer and a customer's reply waiting in the salesperson's inbox, so the
    /// outbox, the Messages page, the inbox and the timeline have something to show on first run. Both are
    /// idempotent: the message by its de-duplication key, the reply by its message id.
    /// </summary>
    private async Task EnsureConversationsAsync(Site portland, CancellationToken ct)
    {
        var olivia = await db.Customers.FirstOrDefaultAsync(c => c.EmailKey == "olivia.bennett@example.com", ct);
        if (olivia is not null)
        {
            await outbox.QueueAsync(olivia, portland.Id, Notifications.MessageTemplates.StaffMessage, "demo/olivia/service-booked",
                new Dictionary<string, string>
                {
                    ["staffName"] = "Sam Carter",
                    ["text"] = "Your Accord is booked for its 30,000-mile service next Tuesday at 8:30. I'll text you the moment it's ready.",
                },
                urgent: false, proactive: true, ct);
            await db.SaveChangesAsync(ct);
        }

        var liam = await db.Customers.FirstOrDefaultAsync(c => c.EmailKey == "liam.ortiz@example.com", ct);
        if (liam?.MobilePhone is not null)
        {
            await mediator.Send(new Notifications.ReceiveInboundSms.Command(liam.MobilePhone,
                "Hola, ¿puedo recoger el carro el sábado por la mañana en vez del viernes?", "SMdemo0000000000000000000000000001"), ct);
        }
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }

    private async Task<(Site Portland, Site Boise)> EnsureSitesAsync(CancellationToken ct)
    {
        var portland = await db.Sites.FirstOrDefaultAsync(s => s.Code == "PDX", ct);
        if (portland is null)
        {
            portland = new Site("PDX", "Harbor Motors Portland", "America/Los_Angeles", "USD", DistanceUnit.Miles, "US", ["en", "es"]);
            SetWeekHours(portland, new TimeOnly(8, 0), new TimeOnly(19, 0), new TimeOnly(9, 0), new TimeOnly(17, 0));
            db.Sites.Add(portland);
        }

        var boise = await db.Sites.FirstOrDefaultAsync(s => s.Code == "BOI", ct);
        if (boise is null)
        {
            boise = new Site("BOI", "Harbor Motors Boise", "America/Boise", "USD", DistanceUnit.Miles, "US", ["en", "es"]);
            SetWeekHours(boise, new TimeOnly(8, 30), new TimeOnly(18, 0), new TimeOnly(9, 0), new TimeOnly(15, 0));
            db.Sites.Add(boise);
        }

        await db.SaveChangesAsync(ct);
        return (portland, boise);
    }

    private static void SetWeekHours(Site site, TimeOnly weekdayOpen, TimeOnly weekdayClose, TimeOnly saturdayOpen, TimeOnly saturdayClose)
    {
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            site.SetOpeningHours(day, weekdayOpen, weekdayClose);
        }

        site.SetOpeningHours(DayOfWeek.Saturday, saturdayOpen, saturdayClose);
    }

    private async Task<Dictionary<string, Guid>> EnsureDemoStaffAsync(Site portland, Site boise, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (email, name, role, bothSites) in DemoAccounts)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new StaffUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = name,
                    PrimarySiteId = portland.Id,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    LockoutEnabled = true,
                    Sites = bothSites
                        ? [new StaffSiteAssignment { SiteId = portland.Id }, new StaffSiteAssignment { SiteId = boise.Id }]
                        : [new StaffSiteAssignment { SiteId = portland.Id }],
                };
                var result = await users.CreateAsync(user, DemoPassword);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }

                await users.AddToRoleAsync(user, role);
                logger.LogInformation("Created demo account {Email} ({Role})", email, role);
            }

            ids[role] = user.Id;
        }

        await db.SaveChangesAsync(ct);
        return ids;
    }

    private async Task EnsureCustomersAsync(Site portland, Site boise, Dictionary<string, Guid> owners, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = (await db.Customers.Select(c => c.EmailKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        for (var i = 0; i < DemoCustomers.Length; i++)
        {
            var (first, last, language, channel) = DemoCustomers[i];
            var email = $"{first}.{last}".ToLowerInvariant().Replace(' ', '.').Replace("'", "", StringComparison.Ordinal) + "@example.com";
            if (existing.Contains(email))
            {
                continue;
            }

            var site = i % 3 == 2 ? boise : portland;
            var areaCode = site == boise ? "208" : "503";
            var mobile = string.Create(CultureInfo.InvariantCulture, $"+1{areaCode}55501{i % 100:00}");
            var owner = (i % 4) switch
            {
                0 => owners[StaffRoles.Salesperson],
                1 => owners[StaffRoles.ServiceAdvisor],
                _ => (Guid?)null,
            };
            var customer = new Customer(
                new CustomerDetails(first, last, email, mobile),
                new ContactPreferences(channel, language, site.TimeZoneId,
                    i % 5 == 0 ? new TimeOnly(21, 0) : null, i % 5 == 0 ? new TimeOnly(8, 0) : null,
                    SmsConsent: channel == ContactChannel.Sms || i % 2 == 0, EmailConsent: true,
                    ConsentSource: $"Signed consent form at {site.Code}"),
                owner, site.Id, sharedContact: null, now.AddDays(-400 + (i * 9)));

            var k = 0;
            foreach (var (template, year, make, model, trim, color) in VehiclesFor(i))
            {
                var age = Math.Max(1, now.Year - year);
                customer.AddVehicle(MakeVin(template, year, (i * 10) + k), year, make, model, trim, color,
                    (age * 11_000) + (i * 1_713 % 9_000), now.AddDays(-300 + (i * 7)));
                k++;
            }

            db.Customers.Add(customer);
            added++;
        }

        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} demo customers", added);
        }
    }

    /// <summary>A valid VIN from a manufacturer's first eight characters, a model year and a serial; the check digit is computed.</summary>
    internal static string MakeVin(string firstEight, int year, int serial)
    {
        const string yearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789"; // 2010 = A ... cycles every 30 years
        var yearCode = yearCodes[(year - 2010) % 30];
        var raw = string.Create(CultureInfo.InvariantCulture, $"{firstEight}0{yearCode}A{100000 + (serial * 7919 % 900000):000000}");
        var check = Vin.ComputeCheckDigit(raw);
        return string.Concat(raw.AsSpan(0, 8), check.ToString(), raw.AsSpan(9));
    }

    private static IEnumerable<(string Template, int Year, string Make, string Model, string? Trim, string Color)> VehiclesFor(int i)
    {
        yield return VehicleCatalogue[i % VehicleCatalogue.Length];
        if (i % 4 == 3)
        {
            yield return VehicleCatalogue[(i + 5) % VehicleCatalogue.Length];
        }
    }

    private static readonly (string Template, int Year, string Make, string Model, string? Trim, string Color)[] VehicleCatalogue =
    [
        ("1HGCV1F3", 2021, "Honda", "Accord", "EX-L", "Platinum White"),
        ("1FTFW1E5", 2019, "Ford", "F-150", "XLT", "Magnetic Gray"),
        ("5YJ3E1EA", 2022, "Tesla", "Model 3", "Long Range", "Deep Blue"),
        ("2T1BURHE", 2018, "Toyota", "Corolla", "LE", "Classic Silver"),
        ("1G1ZD5ST", 2020, "Chevrolet", "Malibu", "LT", "Mosaic Black"),
        ("3VW2B7AJ", 2017, "Volkswagen", "Jetta", "SE", "Pure White"),
        ("4T1B11HK", 2023, "Toyota", "Camry", "SE", "Celestial Silver"),
        ("5FNYF6H9", 2016, "Honda", "Pilot", "Touring", "Obsidian Blue"),
        ("1C4RJFAG", 2021, "Jeep", "Grand Cherokee", "Limited", "Velvet Red"),
        ("JM1BPBML", 2024, "Mazda", "Mazda3", "Premium", "Soul Red"),
        ("5N1AT2MV", 2019, "Nissan", "Rogue", "SV", "Gun Metallic"),
        ("1N4BL4DV", 2022, "Nissan", "Altima", "SR", "Scarlet Ember"),
    ];

    private static readonly (string First, string Last, string Language, ContactChannel Channel)[] DemoCustomers =
    [
        ("Olivia", "Bennett", "en", ContactChannel.Sms),
        ("Liam", "Ortiz", "es", ContactChannel.Sms),
        ("Emma", "Sullivan", "en", ContactChannel.Email),
        ("Noah", "Patel", "en", ContactChannel.Sms),
        ("Ava", "Hernandez", "es", ContactChannel.Sms),
        ("Elijah", "Brooks", "en", ContactChannel.Email),
        ("Sophia", "Nguyen", "en", ContactChannel.Sms),
        ("James", "Whitaker", "en", ContactChannel.Sms),
        ("Isabella", "Ramirez", "es", ContactChannel.Email),
        ("Benjamin", "Foster", "en", ContactChannel.Sms),
        ("Mia", "Coleman", "en", ContactChannel.Sms),
        ("Lucas", "Delgado", "es", ContactChannel.Sms),
        ("Charlotte", "Hayes", "en", ContactChannel.Email),
        ("Henry", "Morrison", "en", ContactChannel.Sms),
        ("Amelia", "Castillo", "es", ContactChannel.Sms),
        ("Alexander", "Reed", "en", ContactChannel.Sms),
        ("Harper", "Jensen", "en", ContactChannel.Email),
        ("Daniel", "Vasquez", "es", ContactChannel.Sms),
        ("Evelyn", "Price", "en", ContactChannel.Sms),
        ("Matthew", "Gallagher", "en", ContactChannel.Sms),
        ("Abigail", "Romero", "es", ContactChannel.Email),
        ("Jackson", "Tran", "en", ContactChannel.Sms),
        ("Emily", "Fischer", "en", ContactChannel.Sms),
        ("Sebastian", "Moreno", "es", ContactChannel.Sms),
        ("Elizabeth", "Kowalski", "en", ContactChannel.Email),
        ("David", "Okafor", "en", ContactChannel.Sms),
        ("Sofia", "Guerrero", "es", ContactChannel.Sms),
        ("Joseph", "Lindqvist", "en", ContactChannel.Sms),
        ("Avery", "Mitchell", "en", ContactChannel.Email),
        ("Samuel", "Herrera", "es", ContactChannel.Sms),
        ("Scarlett", "O'Brien", "en", ContactChannel.Sms),
        ("Owen", "Yamamoto", "en", ContactChannel.Sms),
        ("Grace", "Mendoza", "es", ContactChannel.Email),
        ("Wyatt", "Chen", "en", ContactChannel.Sms),
        ("Chloe", "Sandoval", "es", ContactChannel.Sms),
        ("Carter", "Abernathy", "en", ContactChannel.Sms),
    ];
}
