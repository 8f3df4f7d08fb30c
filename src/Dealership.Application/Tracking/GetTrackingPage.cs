using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Customers;
using Dealership.Domain.Notifications;
using Dealership.Domain.Orders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>What the customer sees behind their link: their own recent messages and their contact preferences. Nothing of anyone else.</summary>
public static class GetTrackingPage
{
    [Allowed(Access.CustomerLink)]
    public sealed record Query(string Token) : IQuery<TrackingPage>;

    public sealed record TrackingPage(
        string FirstName,
        ContactChannel PreferredChannel,
        string Language,
        IReadOnlyList<string> Languages,
        TimeOnly? QuietHoursStart,
        TimeOnly? QuietHoursEnd,
        bool SmsConsent,
        bool EmailConsent,
        bool HasMobile,
        bool HasEmail,
        string SiteName,
        string TimeZoneId,
        IReadOnlyList<Message> Messages,
        IReadOnlyList<OrderProgress> Orders,
        IReadOnlyList<VisitProgress> Visits)
    {
        public IReadOnlyList<MyTradeIn> TradeIns { get; init; } = [];

        public IReadOnlyList<MyCustodyItem> Custody { get; init; } = [];

        /// <summary>The site's public phone, email and address, where a manager has set them (each may be missing).</summary>
        public Sites.ListMySites.ContactView Contact { get; init; } = new(null, null, null);
    }

    /// <summary>One open order as the customer follows it: each step done, current or next, with its promised date.</summary>
    public sealed record OrderProgress(Guid OrderId, string Vehicle, string OwnerName, IReadOnlyList<ProgressStep> Steps, IReadOnlyList<ChecklistItem> StillNeeded, bool Cancelled,
        DateTime? CollectionAt, IReadOnlyList<Handover.Slot> OpenSlots, IReadOnlyList<Handover.Slot> Suggested)
    {
        public IReadOnlyList<MyPendingPayment> PendingPayments { get; init; } = [];
    }

    public sealed record ProgressStep(OrderMilestone Milestone, DateOnly? PromisedDate, DateTime? ReachedAt, StepState State);

    /// <summary>A check or transfer not yet plain money, with where it stands, so the customer reads the condition, not "we can't".</summary>
    /// <param name="ClearsBy">For a personal or company check: the day it should have cleared by, if nobody has confirmed it with the bank first.</param>
    /// <param name="Verified">It counts already: confirmed with the bank, or (<paramref name="TakenEarly"/>) accepted by us before it clears.</param>
    public sealed record MyPendingPayment(PaymentMethod Method, long Amount, string Currency, string? Reference, bool Verified, bool Bounced, DateOnly? ClearsBy = null,
        bool TakenEarly = false);

    public enum StepState
    {
        Done,
        Current,
        Next,
    }

    public sealed record Message(MessageChannel Channel, string? Subject, string Text, DateTime SentAt);

    public sealed class Handler(DealershipDbContext db, Handover.CollectionSlots slots, MyServiceVisits visits, MyTradeIns tradeIns, TimeProvider clock) : IQueryHandler<Query, TrackingPage>
    {
        public async ValueTask<TrackingPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, query.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == customerId, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == customer.RegisteredAtSiteId, cancellationToken);
            var messages = await db.Notifications.AsNoTracking()
                .Where(n => n.CustomerId == customerId && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered))
                .OrderByDescending(n => n.SentAt)
                .Take(20)
                .Select(n => new Message(n.Channel, n.Subject, n.Body ?? "", n.SentAt!.Value))
                .ToListAsync(cancellationToken);
            var orders = await db.Orders.AsNoTracking().Include(o => o.Payments).AsSplitQuery()
                .Where(o => o.CustomerId == customerId && o.Status != OrderMilestone.Delivered)
                .OrderByDescending(o => o.CreatedAt).Take(5)
                .ToListAsync(cancellationToken);
            var ownerIds = orders.Select(o => o.OwnerStaffId).Distinct().ToList();
            var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var orderIds = orders.Select(o => o.Id).ToList();
            // A check clears by the terms of the site that took it, which need not be where the customer registered.
            var orderSiteIds = orders.Select(o => o.SiteId).Distinct().ToList();
            var orderSites = await db.Sites.AsNoTracking().Where(s => orderSiteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            var bookings = await db.CollectionBookings.AsNoTracking().Where(b => orderIds.Contains(b.OrderId)).Select(b => new { b.OrderId, b.StartsAt }).ToDictionaryAsync(b => b.OrderId, b => b.StartsAt, cancellationToken);
            var openSlots = new Dictionary<Guid, IReadOnlyList<Handover.Slot>>();
            foreach (var order in orders)
            {
                openSlots[order.Id] = await slots.ForOrderAsync(order, cancellationToken);
            }

            var progress = orders.Select(o => new OrderProgress(
                o.Id,
                o.Vehicle.Describe(),
                owners.GetValueOrDefault(o.OwnerStaffId, ""),
                o.Milestones.OrderBy(m => m.Milestone).Select(m => new ProgressStep(m.Milestone, m.PromisedDate, m.ReachedAt,
                    m.ReachedAt is not null ? StepState.Done : m.Milestone == o.Status + 1 ? StepState.Current : StepState.Next)).ToList(),
                o.Checklist.Where(c => c.NeedsCustomer && !c.IsDone).Select(c => c.Item).ToList(),
                o.IsCancelled,
                bookings.TryGetValue(o.Id, out var at) ? at : null,
                openSlots[o.Id],
                openSlots[o.Id].Where(slot => o.ProposedCollectionTimes.Contains(slot.StartsAt)).ToList())
            {
                PendingPayments = o.Payments.Where(p => Payment.NeedsClearing(p.Method) && (p.Status == PaymentStatus.Pending || p.Status == PaymentStatus.Failed))
                    .Select(p => new MyPendingPayment(p.Method, p.Amount, p.Currency, p.Reference, p.VerifiedAt is not null, p.Status == PaymentStatus.Failed,
                        p.Method is PaymentMethod.Check or PaymentMethod.CompanyCheck ? orderSites[o.SiteId].PaymentTerms.ClearsBy(p.ReceivedAt) : null, p.AcceptedOnRisk)).ToList(),
            }).ToList();
            return new TrackingPage(customer.FirstName, customer.PreferredChannel, customer.Language, site.LanguageList, customer.QuietHoursStart,
                customer.QuietHoursEnd, customer.SmsConsent, customer.EmailConsent, customer.MobilePhone is not null, customer.Email is not null,
                site.Name, customer.TimeZoneId, messages, progress, await visits.ForCustomerAsync(customerId, cancellationToken))
            {
                TradeIns = await tradeIns.ForCustomerAsync(customerId, cancellationToken),
                Custody = await tradeIns.CustodyAsync(customerId, cancellationToken),
                Contact = new Sites.ListMySites.ContactView(site.PublicPhone, site.PublicEmail, site.Address),
            };
        }
    }
}
