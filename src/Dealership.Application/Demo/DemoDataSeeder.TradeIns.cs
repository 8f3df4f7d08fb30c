using Dealership.Application.Data;
using Dealership.Domain.Handover;
using Dealership.Domain.Orders;
using Dealership.Domain.Sites;
using Dealership.Domain.TradeIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Demo;

/// <summary>
/// Story 000 (the customer keeps car, keys and title until they are credited): trade-ins at every step for the
/// used-car manager's queue and the handover. History is written directly and its events cleared, so nothing
/// is sent on first run.
/// </summary>
public sealed partial class DemoDataSeeder
{
    private async Task EnsureTradeInsAsync(Site portland, Dictionary<string, Guid> owners, CancellationToken ct)
    {
        if (await db.TradeIns.AnyAsync(t => t.Status != TradeInStatus.Received || t.OrderId == null, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(portland.ToLocal(now));
        var sales = owners[StaffRoles.Salesperson];
        var appraiser = owners[StaffRoles.UsedCarManager];
        var customers = await db.Customers.Where(c => c.EmailKey!.EndsWith("@example.com")).ToDictionaryAsync(c => c.EmailKey!, ct);
        var orders = await db.Orders.Where(o => o.SiteId == portland.Id && o.CancelledAt == null && o.Status != OrderMilestone.Delivered)
            .ToDictionaryAsync(o => o.CustomerId, ct);
        var seeded = new List<TradeIn>();

        TradeIn? Request(string email, bool againstOrder, TradeInVehicle car, int mileage, DeclaredCondition condition, LoanPayoffQuote? loan, double hoursAgo)
        {
            if (!customers.TryGetValue(email, out var customer))
            {
                return null;
            }

            var orderId = againstOrder && orders.TryGetValue(customer.Id, out var order) ? order.Id : (Guid?)null;
            var tradeIn = new TradeIn(portland.Id, customer.Id, orderId, orderId is null ? appraiser : sales, car, mileage, condition, loan, portland.Currency, now.AddHours(-hoursAgo));
            db.TradeIns.Add(tradeIn);
            seeded.Add(tradeIn);
            return tradeIn;
        }

        void Offer(TradeIn? tradeIn, long market, long margin, int validDays, int daysAgo, params (string, long)[] recon)
        {
            tradeIn?.Appraise(new Appraisal(market, "Regional auction results and three comparable listings", recon.Select(r => new ReconditioningLine(r.Item1, r.Item2)).ToList(),
                margin, TradeIn.Suggest(market, recon.Sum(r => r.Item2), margin), null, today.AddDays(validDays - daysAgo), 500, OfferHold.Locked, 0),
                appraiser, today.AddDays(-daysAgo), now.AddDays(-daysAgo));
        }

        var good = new DeclaredCondition(WarningLights: false, SmokeOrLeaks: false, AccidentHistory: false, RepairsOver500: false, Keys: 2, TitleStatus.InHand);

        // Waiting in the used-car manager's queue: one for two days (late), one since this morning.
        Request("olivia.bennett@example.com", true, new TradeInVehicle(MakeVin("5J6RW2H5", 2018, 911), 2018, "Honda", "CR-V", "EX"), 61_200, good, null, 50);
        Request("charlotte.hayes@example.com", false, new TradeInVehicle(MakeVin("4S4BSANC", 2017, 912), 2017, "Subaru", "Outback", "Premium"), 88_400,
            good with { Keys = 1, RepairsOver500 = true }, null, 4);

        // Offered, waiting for the customer's answer on their page.
        var offered = Request("emma.sullivan@example.com", true, new TradeInVehicle(MakeVin("1FMCU9GD", 2017, 913), 2017, "Ford", "Escape", "SE"), 74_900, good, null, 30);
        Offer(offered, 1_150_000, 120_000, 7, 1, ("Two front tires", 38_000), ("Detail and paint touch-up", 25_000));

        // Accepted with negative equity: the loan is more than the car is worth to us.
        var upsideDown = Request("noah.patel@example.com", true, new TradeInVehicle(MakeVin("1C4PJMDX", 2020, 914), 2020, "Jeep", "Cherokee", "Limited"), 58_300,
            good with { Title = TitleStatus.WithLender, WarningLights = true },
            new LoanPayoffQuote("Cascade Auto Finance", "CAF-55-20931", 2_040_000, 412, today.AddDays(20)), 100);
        Offer(upsideDown, 1_980_000, 150_000, 7, 3, ("Check-engine light: O2 sensor", 42_000), ("Windshield chip repair", 9_000));
        upsideDown?.Answer(true, ChoiceChannel.TrackingPage, null, today.AddDays(-2), now.AddDays(-2));

        // Accepted, collection tomorrow, payoff quote expiring soon: the handover screen's swap.
        var swapTomorrow = Request("mia.coleman@example.com", true, new TradeInVehicle(MakeVin("5TDJZRFH", 2019, 915), 2019, "Toyota", "Highlander", "XLE"), 47_800,
            good with { Title = TitleStatus.WithLender },
            new LoanPayoffQuote("Summit Credit Union", "SCU-7781-02", 1_210_000, 238, today.AddDays(6)), 200);
        Offer(swapTomorrow, 2_250_000, 150_000, 10, 6, ("Rear brake pads and rotors", 41_000), ("Detail", 18_000));
        swapTomorrow?.Answer(true, ChoiceChannel.Phone, sales, today.AddDays(-5), now.AddDays(-5));

        // A stand-alone purchase: the customer was paid in the same step we took the car.
        var bought = Request("alexander.reed@example.com", false, new TradeInVehicle(MakeVin("1HGCV1F3", 2019, 916), 2019, "Honda", "Accord", "Sport"), 52_100, good, null, 240);
        Offer(bought, 1_920_000, 140_000, 7, 9, ("Detail", 18_000));
        bought?.Answer(true, ChoiceChannel.InPerson, appraiser, today.AddDays(-8), now.AddDays(-8));
        bought?.PurchaseOutright(new TradeInHandover(52_140, true, 2, true), "CHK-100482", appraiser, portland.DealRules, today.AddDays(-8), now.AddDays(-8));
        if (bought is not null)
        {
            new Custody.CustodyRegister(db).TakeTradeIn(bought, appraiser, now.AddDays(-8));
        }

        seeded.ForEach(t => t.ClearDomainEvents());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo trade-ins");
    }

    /// <summary>Henry's delivered Forester: his Outback was swapped at the handover and its loan's payoff sent and confirmed since.</summary>
    private TradeIn SwapAtDelivery(VehicleOrder delivered, Site portland, Guid sales, Guid appraiser, DateTime deliveredAt)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = (int daysAgo) => DateOnly.FromDateTime(portland.ToLocal(now.AddDays(-daysAgo)));
        var tradeIn = new TradeIn(portland.Id, delivered.CustomerId, delivered.Id, sales,
            new TradeInVehicle(MakeVin("4S4BSENC", 2015, 917), 2015, "Subaru", "Outback", "Limited"), 96_300,
            new DeclaredCondition(false, false, false, false, 2, TitleStatus.WithLender),
            new LoanPayoffQuote("Pioneer Federal Credit Union", "PFCU-30-4471", 640_000, 131, day(10)), portland.Currency, now.AddDays(-40));
        tradeIn.Appraise(new Appraisal(1_180_000, "Regional auction results", [new ReconditioningLine("Timing belt due", 85_000)], 130_000, 965_000, null,
            day(20), 500, OfferHold.Locked, 0), appraiser, day(27), now.AddDays(-27));
        tradeIn.Answer(true, ChoiceChannel.TrackingPage, null, day(26), now.AddDays(-26));
        db.TradeIns.Add(tradeIn);
        var balance = DealBalance.For(delivered, tradeIn, portland.DealRules);
        delivered.RecordPayment(PaymentMethod.LenderFunding, balance.Due, "LOAN-883120", PaymentStatus.Cleared, sales, deliveredAt);
        delivered.Deliver(hasBooking: true, DealBalance.For(delivered, tradeIn, portland.DealRules), 2, null, sales, null, deliveredAt);
        tradeIn.TakeInAtSwap(new TradeInHandover(96_410, true, 2, false), sales, portland.DealRules, DateOnly.FromDateTime(portland.ToLocal(deliveredAt)), deliveredAt);
        new Custody.CustodyRegister(db).TakeTradeIn(tradeIn, sales, deliveredAt);
        tradeIn.RecordLienholderNotified(deliveredAt.AddDays(1));
        tradeIn.RecordPayoffSent(640_000, "ACH-PF-2291", DateOnly.FromDateTime(portland.ToLocal(deliveredAt.AddDays(5))), deliveredAt.AddDays(5));
        tradeIn.ConfirmPayoff(deliveredAt.AddDays(9));
        tradeIn.ClearDomainEvents();
        return tradeIn;
    }
}
