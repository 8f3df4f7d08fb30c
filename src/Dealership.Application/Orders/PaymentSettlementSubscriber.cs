using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>
/// A check verified, cleared or bounced lands on the customer's timeline; a bounce on a car already handed over
/// is money the customer still owes, so the order's owner gets a task the same moment (never found at month end).
/// </summary>
public sealed class PaymentSettlementSubscriber(DealershipDbContext db) : IDomainEventSubscriber<PaymentSettled>
{
    public async Task HandleAsync(PaymentSettled domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var payment = domainEvent.Payment;
        var amount = new Money(payment.Amount, payment.Currency).Format(CultureInfo.GetCultureInfo("en-US"));
        var by = await db.Users.AsNoTracking().Where(u => u.Id == (payment.SettledBy ?? payment.VerifiedBy)).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "a manager";
        var summary = domainEvent.How switch
        {
            PaymentSettlement.Verified when payment.AcceptedOnRisk => $"{payment.Method} {payment.Reference} for {amount} taken before it clears (on our risk), approved by {by}",
            PaymentSettlement.Verified => $"{payment.Method} {payment.Reference} for {amount} verified with the bank by {by}: {payment.VerificationNote}",
            PaymentSettlement.Cleared => $"{payment.Method} {payment.Reference} for {amount} cleared (recorded by {by})",
            _ => $"{payment.Method} {payment.Reference} for {amount} bounced: {payment.SettlementNote} (recorded by {by})",
        };
        db.Touchpoints.Add(new Touchpoint(order.CustomerId, order.SiteId, domainEvent.OccurredAt, TouchpointKind.StaffNote, TouchpointDirection.Internal,
            TouchpointActor.Dealer, proactive: false, summary, payment.SettledBy ?? payment.VerifiedBy, "order", order.Id));
        if (domainEvent.How == PaymentSettlement.Bounced && order.Status == OrderMilestone.Delivered)
        {
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, cancellationToken);
            db.Tasks.Add(new StaffTask(order.SiteId, order.OwnerStaffId, $"Payment bounced after handover: {amount}",
                $"{summary}. The car has been delivered: call the customer today to arrange payment.", site.AddOpenTime(domainEvent.OccurredAt, TimeSpan.FromHours(2)),
                "order", order.Id, [order.CustomerId], domainEvent.OccurredAt, $"order/{order.Id}/bounced/{payment.Id:N}"));
        }
    }
}
