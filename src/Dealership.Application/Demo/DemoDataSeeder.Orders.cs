using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Demo;

/// <summary>Stories 001 and 004 (the customer chooses; every milestone reaches them): factory orders at every step.</summary>
public sealed partial class DemoDataSeeder
{
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
            SwapAtDelivery(delivered, portland, sales, owners[StaffRoles.UsedCarManager], now.AddDays(-15));
        }

        // History, not news: clear the events so nothing is sent for these on first run.
        foreach (var order in new[] { onTrack, late, silent, arrived, managers, justArrived, scheduled, delivered })
        {
            order?.ClearDomainEvents();
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo vehicle orders");
    }
}
