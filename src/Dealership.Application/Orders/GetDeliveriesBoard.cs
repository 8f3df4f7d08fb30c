using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Orders;

/// <summary>
/// The salesperson's home: every active order at the current site, what needs attention first. Late (a
/// promised date passed without the milestone), silent (the customer has heard nothing for longer than the
/// policy), arrived but no collection booked, then the rest by next promised date, a page at a time. Every active
/// order is ranked in the database in one pass (a narrow row each: id, rank, next promised date), which gives the
/// counts and the page, and is kept for a few seconds (<see cref="BoardRankings"/>); then the page's orders with their
/// names, last messages and collections, and their milestones: three queries whatever the number of orders, two while
/// the ranking is kept.
/// </summary>
public static class GetDeliveriesBoard
{
    /// <param name="Only">One kind of attention (the late ones, say): its orders paged in the board's order; the counts still cover every active order.</param>
    [Allowed(Access.ReadOrders)]
    public sealed record Query(Guid? OwnerStaffId, int Page = 1, int PageSize = Paging.DefaultPageSize, Attention? Only = null) : IQuery<Board>, IPagedQuery;

    public enum Attention
    {
        Late,
        Silent,
        ArrivedNotScheduled,
        ScheduledToday,
        OnTrack,
    }

    public sealed record Row(Guid OrderId, Guid CustomerId, string CustomerName, Guid OwnerStaffId, string OwnerName, string Vehicle, OrderMilestone Status,
        OrderMilestone? NextMilestone, DateOnly? NextPromisedDate, Attention Attention, string Reason, DateTime? LastContactAt, DateTime? CollectionAt);

    /// <summary>
    /// One page of rows, most urgent first; the counts cover every active order, not only this page (nor only the kind
    /// shown, when the board shows one).
    /// </summary>
    public sealed record Board(IReadOnlyList<Row> Rows, int Late, int Silent, int ArrivedNotScheduled, int ScheduledToday, int OnTrack, int Page = 1, int PageSize = Paging.DefaultPageSize)
    {
        /// <summary>The one kind of attention the rows are limited to, if any.</summary>
        public Attention? Showing { get; init; }

        public int Total => Late + Silent + ArrivedNotScheduled + ScheduledToday + OnTrack;

        /// <summary>The orders the pages go through: every active order, or those of the kind shown.</summary>
        public int Matching => Showing is { } only ? CountOf(only) : Total;

        public int PageCount => Matching == 0 ? 1 : (Matching + PageSize - 1) / PageSize;

        public int CountOf(Attention attention) => attention switch
        {
            Attention.Late => Late,
            Attention.Silent => Silent,
            Attention.ArrivedNotScheduled => ArrivedNotScheduled,
            Attention.ScheduledToday => ScheduledToday,
            _ => OnTrack,
        };

        public bool HasNext => Page < PageCount;

        public bool HasPrevious => Page > 1;
    }

    /// <summary>What a row shows of an order, read as a projection.</summary>
    private sealed record PageOrder(Guid Id, Guid CustomerId, string CustomerName, Guid OwnerStaffId, string OwnerName, VehicleSpec Vehicle, OrderMilestone Status, DateTime CreatedAt,
        DateTime? LastContactAt, DateTime? CollectionAt);

    /// <summary>An active order's place on the board, worked out in the database.</summary>
    public sealed record Ranked(Guid Id, int Rank, DateOnly? NextPromised, DateTime CreatedAt);

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, TimeProvider clock, IOptions<OrderPolicy> policy, BoardRankings rankings)
        : IQueryHandler<Query, Board>
    {
        public async ValueTask<Board> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(site.ToLocal(now));
            var orders = db.Orders.AsNoTracking().Where(o => o.SiteId == site.Id && o.CancelledAt == null && o.Status != OrderMilestone.Delivered);
            if (query.OwnerStaffId is { } owner)
            {
                orders = orders.Where(o => o.OwnerStaffId == owner);
            }

            // Which orders need attention is decided in the database, over every active order, in one pass: the board
            // shows the most urgent first and counts them all, however many orders the site has (not the oldest few hundred).
            // The ranking is kept for a few seconds (BoardRankings, ADR 0029); the page's rows below are always read afresh.
            var ranked = await rankings.GetAsync(new BoardRankings.Key(site.Id, query.OwnerStaffId, today), async () =>
                (await orders.Select(Ranking(site, today, now)).ToListAsync(cancellationToken))
                    .OrderBy(r => r.Rank).ThenBy(r => r.NextPromised ?? DateOnly.MaxValue).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList(),
                cancellationToken);
            var counts = ranked.CountBy(r => r.Rank).ToDictionary(c => c.Key, c => c.Value);
            var matching = query.Only is { } only ? ranked.Where(r => r.Rank == (int)only) : ranked;
            var pageIds = matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(r => r.Id).ToList();
            var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            // Read through the board's own filter: an order delivered, cancelled or given to someone else in another
            // process since the ranking was kept leaves the page (not yet the counts) for those seconds. The columns the
            // rows show, with the names, the last message sent and the collection in the same statement, then the
            // milestones: not whole orders with every owned collection and a query for each of the rest (nine statements
            // a page, now two: the board went from 353 to about 620 a second at 32 connections, issue #14).
            var messages = MessagesSent();
            var list = (await (from o in orders.Where(o => pageIds.Contains(o.Id))
                               join c in db.Customers on o.CustomerId equals c.Id
                               join u in db.Users on o.OwnerStaffId equals u.Id
                               select new PageOrder(o.Id, o.CustomerId, c.FirstName + " " + c.LastName, o.OwnerStaffId, u.DisplayName, o.Vehicle, o.Status, o.CreatedAt,
                                   messages.Where(t => t.CustomerId == o.CustomerId).Max(t => (DateTime?)t.OccurredAt),
                                   db.CollectionBookings.Where(b => b.OrderId == o.Id).Select(b => (DateTime?)b.StartsAt).FirstOrDefault()))
                    .ToListAsync(cancellationToken))
                .OrderBy(o => position[o.Id]).ToList();
            // By the orders just read, not the filter again: an order that left it in between keeps its milestones on this page.
            var orderIds = list.Select(o => o.Id).ToList();
            var milestones = (await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
                    .SelectMany(o => o.Milestones, (o, m) => new { OrderId = o.Id, m.Milestone, m.PromisedDate, m.ReachedAt }).ToListAsync(cancellationToken))
                .ToLookup(m => m.OrderId);

            var rows = list.Select(o =>
            {
                var next = VehicleOrder.After(o.Status);
                var nextPromised = next is null ? null : milestones[o.Id].FirstOrDefault(m => m.Milestone == next)?.PromisedDate;
                var overdue = milestones[o.Id].Where(m => m.ReachedAt == null && m.PromisedDate < today).OrderBy(m => m.Milestone).FirstOrDefault();
                var silentSince = o.LastContactAt ?? o.CreatedAt;
                var collection = o.CollectionAt;
                var (attention, reason) =
                    collection is { } c && DateOnly.FromDateTime(site.ToLocal(c)) == today ? (Attention.ScheduledToday, $"Collection today at {site.ToLocal(c):h:mm tt}")
                    : overdue is not null ? (Attention.Late, $"{VehicleOrder.Describe(overdue.Milestone)} was promised for {overdue.PromisedDate:MMM d}")
                    : now - silentSince > policy.Value.SilenceLimit(o.Status) ? (Attention.Silent, $"Customer has not heard from us since {site.ToLocal(silentSince):MMM d}")
                    : o.Status is OrderMilestone.ArrivedAtDealership or OrderMilestone.PreparedForDelivery ? (Attention.ArrivedNotScheduled, "At the dealership, no collection booked yet")
                    : collection is { } booked ? (Attention.OnTrack, $"Collection {site.ToLocal(booked):ddd, MMM d h:mm tt}, chosen by the customer")
                    : (Attention.OnTrack, next is null ? "" : $"Next: {VehicleOrder.Describe(next.Value)}");
                return new Row(o.Id, o.CustomerId, o.CustomerName, o.OwnerStaffId, o.OwnerName, o.Vehicle.Describe(), o.Status, next, nextPromised, attention, reason, o.LastContactAt, collection);
            })
            .ToList();

            // Rows keep the ranking's order (not re-sorted by name on the page), so the pages follow one order; an order
            // whose attention changes between two requests can of course move.
            return new Board(rows, counts.GetValueOrDefault((int)Attention.Late), counts.GetValueOrDefault((int)Attention.Silent),
                counts.GetValueOrDefault((int)Attention.ArrivedNotScheduled), counts.GetValueOrDefault((int)Attention.ScheduledToday),
                counts.GetValueOrDefault((int)Attention.OnTrack), query.Page, query.PageSize)
            {
                Showing = query.Only,
            };
        }

        /// <summary>What "silent" is measured by, in the ranking and on the rows alike: messages sent to the customer.</summary>
        private IQueryable<Domain.Journey.Touchpoint> MessagesSent() =>
            db.Touchpoints.Where(t => t.Direction == TouchpointDirection.Outbound && t.Kind == TouchpointKind.MessageSent);

        /// <summary>
        /// The same rule as each row's attention, as SQL: collection today, then late (a promised date passed without
        /// the milestone), silent (no message sent within the policy's limit for the order's stage), at the
        /// dealership without a collection, then the rest. The rank is the <see cref="Attention"/> it leads to; with it
        /// the next promised date and the creation time, which order the ranks within.
        /// </summary>
        private System.Linq.Expressions.Expression<Func<VehicleOrder, Ranked>> Ranking(Domain.Sites.Site site, DateOnly today, DateTime now)
        {
            var dayStarts = site.ToUtc(today.ToDateTime(TimeOnly.MinValue));
            var dayEnds = site.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var quietBefore = now - policy.Value.SilenceBeforeArrival;
            var quietAfter = now - policy.Value.SilenceAfterArrival;
            var touchpoints = MessagesSent();
            var bookings = db.CollectionBookings;
            return o => new Ranked(o.Id,
                bookings.Any(b => b.OrderId == o.Id && b.StartsAt >= dayStarts && b.StartsAt < dayEnds) ? (int)Attention.ScheduledToday
                : o.Milestones.Any(m => m.ReachedAt == null && m.PromisedDate < today) ? (int)Attention.Late
                : !touchpoints.Any(t => t.CustomerId == o.CustomerId &&
                        t.OccurredAt >= (o.Status == OrderMilestone.ArrivedAtDealership || o.Status == OrderMilestone.PreparedForDelivery ? quietAfter : quietBefore))
                    && (touchpoints.Any(t => t.CustomerId == o.CustomerId) ||
                        o.CreatedAt < (o.Status == OrderMilestone.ArrivedAtDealership || o.Status == OrderMilestone.PreparedForDelivery ? quietAfter : quietBefore))
                    ? (int)Attention.Silent
                : o.Status == OrderMilestone.ArrivedAtDealership || o.Status == OrderMilestone.PreparedForDelivery ? (int)Attention.ArrivedNotScheduled
                : (int)Attention.OnTrack,
                o.Milestones.Where(m => m.ReachedAt == null && m.PromisedDate != null).Min(m => m.PromisedDate),
                o.CreatedAt);
        }
    }
}
