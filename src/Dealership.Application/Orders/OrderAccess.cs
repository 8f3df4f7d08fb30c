using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Orders;
using Dealership.Domain.TradeIns;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>
/// Orders belong to a site: staff see those of their sites (others are "not found"). A salesperson changes
/// only the orders they own (others are read-only, 403); managers change any at their sites.
/// </summary>
public sealed class OrderAccess(DealershipDbContext db, ICurrentStaff staff, Sites.SiteContext siteContext, StaffNames staffNames, TimeProvider clock)
{
    // Compiled once: every order command answers with the order's view, built inside its unit of work, which on
    // SQLite holds the file's write lock. EF's per-call work on these ordinary queries (reading the closure, hashing
    // the expression to find the cached plan) was a fifth of the time a milestone held every other writer back
    // (issue #14, session 16).
    private static readonly Func<DealershipDbContext, Guid, CancellationToken, Task<TradeIn?>> LiveTradeInOf =
        // Tracked, whatever a context's default: the delivery commands change the trade-in this returns.
        EF.CompileAsyncQuery((DealershipDbContext db, Guid orderId, CancellationToken _) => db.TradeIns.AsTracking()
            .Where(t => t.OrderId == orderId && t.Status != TradeInStatus.Withdrawn)
            // The one taken in (or given back) is the deal's; otherwise the live one.
            .OrderByDescending(t => t.Status == TradeInStatus.Received || t.Status == TradeInStatus.Sold || t.Status == TradeInStatus.Returned)
            .ThenByDescending(t => t.RequestedAt).FirstOrDefault());

    // Tracked: the command changes it. The same scope as AggregateLoading.AtMySites (an order elsewhere is not found).
    private static readonly Func<DealershipDbContext, Guid, List<Guid>, CancellationToken, Task<VehicleOrder?>> OrderForChange =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid orderId, List<Guid> siteIds, CancellationToken _) => db.Orders.AsTracking().Include(o => o.Payments)
            .Where(o => siteIds.Contains(o.SiteId)).FirstOrDefault(o => o.Id == orderId));

    private static readonly Func<DealershipDbContext, Guid, CancellationToken, Task<string?>> CustomerNameOf =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid customerId, CancellationToken _) =>
            db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault());

    private sealed record BookingFacts(DateTime StartsAt, DateTime EndsAt, Domain.Handover.ChoiceChannel StatedVia, string? Recorder);

    private static readonly Func<DealershipDbContext, Guid, CancellationToken, Task<BookingFacts?>> BookingOf =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid orderId, CancellationToken _) => db.CollectionBookings.AsNoTracking().Where(b => b.OrderId == orderId)
            .Select(b => new BookingFacts(b.StartsAt, b.EndsAt, b.StatedVia, db.Users.Where(u => u.Id == b.RecordedBy).Select(u => u.DisplayName).FirstOrDefault()))
            .FirstOrDefault());

    public async Task<VehicleOrder> LoadForChangeAsync(Guid orderId, long? expectedVersion, CancellationToken ct)
    {
        // Compiled (every order command loads its order this way), scoped to the caller's sites as AtMySites scopes.
        var order = await OrderForChange(db, orderId, staff.SiteIds.ToList(), ct);
        return AggregateLoading.CheckedAtMySites(order, staff, orderId, expectedVersion, "Order",
            o => staff.IsInRole(StaffRoles.Manager) || o.OwnerStaffId == staff.StaffId
                ? null
                : "This order belongs to another salesperson: you can read it but not change it. Ask them or a manager.");
    }

    public async Task<VehicleOrder> LoadAsync(Guid orderId, bool tracking, CancellationToken ct)
    {
        var query = db.Orders.Include(o => o.Payments).AtMySites(staff).Where(o => o.Id == orderId);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Order", orderId);
    }

    /// <summary>The order's trade-in: the one still in play (a withdrawn one no longer counts). Tracked, so the delivery command can change it.</summary>
    public async Task<TradeIn?> TradeInOfAsync(Guid orderId, CancellationToken ct) =>
        db.TradeIns.Local.Where(t => t.OrderId == orderId && t.Status != TradeInStatus.Withdrawn)
            .OrderByDescending(t => t.Status is TradeInStatus.Received or TradeInStatus.Sold or TradeInStatus.Returned).ThenByDescending(t => t.RequestedAt).FirstOrDefault()
        ?? await LiveTradeInOf(db, orderId, ct);

    /// <summary>The balance as the handover will see it.</summary>
    public async Task<DealBalance> BalanceAsync(VehicleOrder order, CancellationToken ct)
    {
        var site = await siteContext.OfRecordAsync(order.SiteId, ct);
        var balance = DealBalance.For(order, await TradeInOfAsync(order.Id, ct), site.DealRules);
        return AccessRules.Allows(staff, Access.ReadTradeIns) ? balance : balance.WithoutTradeInDetail();
    }

    public async Task<OrderView> ViewAsync(VehicleOrder order, CancellationToken ct)
    {
        db.AssignKeys(); // a payment or booking added by this command shows its real id
        // The customer and the owner are required keys of the order: neither can be missing.
        var customer = await CustomerNameOf(db, order.CustomerId, ct) ?? throw new InvalidOperationException($"Order {order.Id} has no customer.");
        var owner = await staffNames.NameOfAsync(order.OwnerStaffId, ct) ?? throw new InvalidOperationException($"Order {order.Id} has no owner.");
        var site = await siteContext.OfRecordAsync(order.SiteId, ct);
        var booking = await BookingOf(db, order.Id, ct);
        var tradeIn = await TradeInOfAsync(order.Id, ct);
        var balance = DealBalance.For(order, tradeIn, site.DealRules);
        var mayReadTradeIn = AccessRules.Allows(staff, Access.ReadTradeIns);
        var view = order.ToView(customer, owner, DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime)), mayReadTradeIn ? balance : balance.WithoutTradeInDetail()) with
        {
            TradeIn = tradeIn is null || !mayReadTradeIn ? null : new OrderTradeInView(tradeIn.Id, tradeIn.Vehicle.Describe(), tradeIn.Status, TradeIn.Describe(tradeIn.Status),
                tradeIn.Offer is { } offer ? MoneyView.From(offer) : null, tradeIn.ValidUntil, tradeIn.DeclaredMileage, tradeIn.MileageTolerance,
                tradeIn.Condition.Title, tradeIn.Condition.Keys, tradeIn.LenderName, tradeIn.Hold, tradeIn.RecheckBandPercent),
            Collection = booking is null ? null : new CollectionView(booking.StartsAt, booking.EndsAt, booking.StatedVia, OrderSubscribers.HowChosen(booking.StatedVia, booking.Recorder)),
        };
        // Money still waiting says what it waits for, under the site's terms.
        return view with
        {
            Payments = view.Payments.Select(p => p.Status == PaymentStatus.Pending && !p.Counts ? p with { Condition = site.PaymentTerms.Condition(p.Method, p.ReceivedAt) } : p).ToList(),
        };
    }
}
