using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Domain.Decisions;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Dealership.Domain.Promises;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Analytics;

/// <summary>
/// Where customers wait in silence or have to chase, how long each stage takes, which promises are kept and
/// which decisions pay off, over a span of days at one site or all of the manager's sites. Every figure
/// carries the customers behind its worst cases, so a bar on the dashboard leads to real journeys.
/// </summary>
public static class GetJourneyAnalytics
{
    /// <summary>Days run in the site's time zone, <paramref name="From"/> to <paramref name="To"/> inclusive; the last 90 days by default.</summary>
    [Allowed(Access.ManageSite)]
    public sealed record Query(DateOnly? From = null, DateOnly? To = null, Guid? SiteId = null) : IQuery<JourneyAnalytics>;

    public const int MaxDays = 366;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From <= q.To)
                .WithName("from").WithMessage("The first day must be on or before the last day.");
            RuleFor(q => q).Must(q => q.From is null || q.To is null || q.To.Value.DayNumber - q.From.Value.DayNumber < MaxDays)
                .WithName("to").WithMessage($"Choose at most {MaxDays} days.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock, IOptions<OrderPolicy> orderPolicy)
        : IQueryHandler<Query, JourneyAnalytics>
    {
        private static readonly TimeSpan ReturnWithin = TimeSpan.FromDays(30);

        public async ValueTask<JourneyAnalytics> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.SiteId is { } only && !staff.SiteIds.Contains(only))
            {
                throw new NotFoundException("Site", only);
            }

            var sites = query.SiteId is { } one ? [one] : staff.SiteIds.ToList();
            var zoneSite = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == (query.SiteId ?? staff.SiteId), cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var (from, to, start, end) = AnalyticsWindow.For(zoneSite, query.From, query.To, 90, now);
            var until = end < now ? end : now;

            var examples = new ExampleNames();
            var contacts = await ContactsAsync(sites, start, end, examples, cancellationToken);
            var (silence, orderDurations) = await OrdersAsync(sites, start, end, until, now, examples, cancellationToken);
            var (visitDurations, partsReady, firstVisitFix) = await VisitsAsync(sites, start, end, examples, cancellationToken);
            var payoff = await PayoffLagAsync(sites, start, end, examples, cancellationToken);
            var (byPerson, byDepartment) = await PromisesAsync(sites, start, end, cancellationToken);
            var broken = await db.Promises.AsNoTracking()
                .Where(p => sites.Contains(p.SiteId) && p.ResolvedAt >= start && p.ResolvedAt < end && p.State == PromiseState.Broken)
                .OrderByDescending(p => p.ResolvedAt).Take(5)
                .Select(p => new { p.CustomerId, p.SubjectType, p.SubjectId, p.Description })
                .ToListAsync(cancellationToken);
            var brokenExamples = broken.Select(p => examples.Add(p.CustomerId, p.SubjectType, p.SubjectId, p.Description)).ToList();
            var decisions = await DecisionsAsync(sites, start, end, cancellationToken);
            await examples.NameAsync(db, cancellationToken);

            return new JourneyAnalytics(from, to, query.SiteId, contacts with { ChasingCustomers = examples.Resolve(contacts.ChasingCustomers) },
                silence.Select(s => s with { Examples = examples.Resolve(s.Examples) }).ToList(),
                [.. orderDurations.Concat(visitDurations).Append(payoff).Select(d => d with { Longest = examples.Resolve(d.Longest) })],
                byPerson, byDepartment,
                partsReady with { Misses = examples.Resolve(partsReady.Misses) }, firstVisitFix with { Misses = examples.Resolve(firstVisitFix.Misses) },
                decisions) { BrokenPromises = examples.Resolve(brokenExamples) };
        }

        /// <summary>
        /// Contacts in the window: the dealer's (messages, calls, visits we made), proactive or answering; and the
        /// customer's, split into answers (a YES, a chosen time, a yes or no to work) and chasing: a call or visit
        /// they started, or free text a person had to answer.
        /// </summary>
        private async Task<ContactFigures> ContactsAsync(List<Guid> sites, DateTime start, DateTime end, ExampleNames examples, CancellationToken ct)
        {
            var inWindow = db.Touchpoints.AsNoTracking().Where(t => t.SiteId != null && sites.Contains(t.SiteId.Value) && t.OccurredAt >= start && t.OccurredAt < end);
            var counts = await inWindow
                .Where(t => t.Kind == TouchpointKind.MessageSent || t.Kind == TouchpointKind.CustomerReply || t.Kind == TouchpointKind.Call || t.Kind == TouchpointKind.Visit)
                .GroupBy(t => new { t.Kind, t.Actor, t.Proactive, FreeText = t.SubjectType == "task" })
                .Select(g => new { g.Key.Kind, g.Key.Actor, g.Key.Proactive, g.Key.FreeText, Count = g.Count() })
                .ToListAsync(ct);

            int Sum(Func<TouchpointKind, TouchpointActor, bool, bool, bool> which) => counts.Where(c => which(c.Kind, c.Actor, c.Proactive, c.FreeText)).Sum(c => c.Count);
            var proactive = Sum((_, actor, pro, _) => actor == TouchpointActor.Dealer && pro);
            var reactive = Sum((_, actor, pro, _) => actor == TouchpointActor.Dealer && !pro);
            var chasing = Sum((kind, actor, _, freeText) => actor == TouchpointActor.Customer && (kind != TouchpointKind.CustomerReply || freeText));
            var answers = Sum((kind, actor, _, freeText) => actor == TouchpointActor.Customer && kind == TouchpointKind.CustomerReply && !freeText);
            var total = proactive + reactive + chasing + answers;

            var chasers = await inWindow
                .Where(t => t.Actor == TouchpointActor.Customer
                    && ((t.Kind == TouchpointKind.CustomerReply && t.SubjectType == "task") || t.Kind == TouchpointKind.Call || t.Kind == TouchpointKind.Visit))
                .GroupBy(t => t.CustomerId)
                .Select(g => new { CustomerId = g.Key, Count = g.Count() })
                .OrderByDescending(x => x.Count).ThenBy(x => x.CustomerId)
                .Take(5)
                .ToListAsync(ct);

            return new ContactFigures(total, proactive, reactive, chasing, answers, JourneyMath.Share(chasing, total), JourneyMath.Share(proactive, proactive + reactive),
                chasers.Select(c => examples.Add(c.CustomerId, null, null, c.Count == 1 ? "chased once" : $"chased {c.Count} times")).ToList());
        }

        private async Task<(List<StageSilence>, List<DurationFigure>)> OrdersAsync(List<Guid> sites, DateTime start, DateTime end, DateTime until, DateTime now,
            ExampleNames examples, CancellationToken ct)
        {
            // Orders alive at some moment of the window: placed before its end, neither cancelled nor handed over before its start.
            var alive = db.Orders.AsNoTracking()
                .Where(o => sites.Contains(o.SiteId) && o.CreatedAt < end && (o.CancelledAt == null || o.CancelledAt >= start))
                .Where(o => o.Status != OrderMilestone.Delivered || o.Milestones.Any(m => m.Milestone == OrderMilestone.Delivered && m.ReachedAt >= start));
            var orders = await alive
                .Select(o => new
                {
                    o.Id,
                    o.CustomerId,
                    o.CreatedAt,
                    o.CancelledAt,
                    Reached = o.Milestones.Where(m => m.ReachedAt != null).Select(m => new { m.Milestone, m.ReachedAt }).ToList(),
                })
                .ToListAsync(ct);

            // The customers as a subquery, not a list of ids: a group has tens of thousands, past any database's limit on parameters.
            var customerIds = alive.Select(o => o.CustomerId);
            var earliest = orders.Count == 0 ? start : orders.Min(o => o.CreatedAt);
            var contacts = (await db.Touchpoints.AsNoTracking()
                    .Where(t => customerIds.Contains(t.CustomerId) && t.Actor == TouchpointActor.Dealer && t.OccurredAt >= earliest
                        && (t.Kind == TouchpointKind.MessageSent || t.Kind == TouchpointKind.Call || t.Kind == TouchpointKind.Visit))
                    .Select(t => new { t.CustomerId, t.OccurredAt })
                    .ToListAsync(ct))
                .GroupBy(t => t.CustomerId)
                .ToDictionary(g => g.Key, g => g.Select(t => t.OccurredAt).Order().ToList());

            var policy = orderPolicy.Value;
            var stageStats = Enum.GetValues<OrderMilestone>().Where(m => m != OrderMilestone.Delivered)
                .ToDictionary(m => VehicleOrder.Describe(m), m => new StageTally(VehicleOrder.Describe(m), policy.SilenceLimit(m)));
            var toArrival = new DurationTally("order-to-arrival", "Ordered → at the dealership");
            var toTold = new DurationTally("arrival-to-told", "Arrived → customer told");
            var toDelivery = new DurationTally("arrival-to-delivery", "Arrived → handed over");

            foreach (var order in orders)
            {
                var reached = order.Reached.Where(r => r.ReachedAt is not null).OrderBy(r => r.Milestone).Select(r => (r.Milestone, At: r.ReachedAt!.Value)).ToList();
                var delivered = reached.Where(r => r.Milestone == OrderMilestone.Delivered).Select(r => (DateTime?)r.At).FirstOrDefault();
                var arrived = reached.Where(r => r.Milestone == OrderMilestone.ArrivedAtDealership).Select(r => (DateTime?)r.At).FirstOrDefault();
                var heard = contacts.GetValueOrDefault(order.CustomerId) ?? [];

                var spans = JourneyMath.OrderStages(order.CreatedAt, order.CancelledAt, reached, until, policy);

                foreach (var span in spans.Where(s => s.End > start && s.Start < end))
                {
                    stageStats[span.Stage].Subjects.Add(order.Id);
                }

                // A silence belongs to the window in which it went past its limit, and to the stage it did so in.
                foreach (var gap in JourneyMath.Gaps(spans, heard).Where(g => g.OverLimit && g.BreachedAt >= start && g.BreachedAt < end))
                {
                    var tally = stageStats[gap.Stage];
                    tally.Subjects.Add(order.Id);
                    tally.Silent.Add(order.Id);
                    tally.Gaps++;
                    tally.Worst.Add((gap.Length.TotalHours, order.CustomerId, order.Id, JourneyAnalytics.Spanned(gap)));
                }

                if (arrived is { } arrival && arrival >= start && arrival < end)
                {
                    toArrival.Add((arrival - order.CreatedAt).TotalHours, order.CustomerId, "order", order.Id);
                    var told = heard.FirstOrDefault(c => c >= arrival);
                    if (told != default && (delivered is null || told <= delivered))
                    {
                        toTold.Add((told - arrival).TotalHours, order.CustomerId, "order", order.Id);
                    }
                    else if (delivered is { } atHandover)
                    {
                        // Never written to after arrival: they learned it when they came for the car.
                        toTold.Add((atHandover - arrival).TotalHours, order.CustomerId, "order", order.Id, "only at the handover");
                    }
                    else
                    {
                        toTold.Add((now - arrival).TotalHours, order.CustomerId, "order", order.Id, "not told yet");
                    }
                }

                if (delivered is { } handedOver && handedOver >= start && handedOver < end && arrived is { } came)
                {
                    toDelivery.Add((handedOver - came).TotalHours, order.CustomerId, "order", order.Id);
                }
            }

            var silence = stageStats.Values.Select(t => t.ToFigure(examples)).ToList();
            return (silence, [toArrival.ToFigure(examples), toTold.ToFigure(examples), toDelivery.ToFigure(examples)]);
        }

        private async Task<(List<DurationFigure>, RatioFigure, RatioFigure)> VisitsAsync(List<Guid> sites, DateTime start, DateTime end, ExampleNames examples, CancellationToken ct)
        {
            // The cohort: visits whose car came in during the window.
            var cohort = db.Appointments.AsNoTracking().Where(a => sites.Contains(a.SiteId) && a.CheckedInAt >= start && a.CheckedInAt < end);
            var visits = await cohort
                .Select(a => new { a.Id, a.CustomerId, a.VehicleId, a.CreatedAt, CheckedInAt = a.CheckedInAt!.Value, a.ReadyAt, a.CollectedAt, a.PartsAtCheckIn, HasParts = a.PartLines.Any() })
                .ToListAsync(ct);

            // As a subquery, like the customers above: thousands of cars are past the limit on parameters.
            var vehicleIds = cohort.Where(v => v.PartLines.Any() && v.CollectedAt != null).Select(v => v.VehicleId);
            var later = (await db.Appointments.AsNoTracking()
                    .Where(b => vehicleIds.Contains(b.VehicleId) && b.CreatedAt >= start && b.Status != AppointmentStatus.Cancelled)
                    .Select(b => new { b.Id, b.VehicleId, b.CreatedAt })
                    .ToListAsync(ct))
                .ToLookup(b => b.VehicleId);

            var toCheckIn = new DurationTally("booking-to-check-in", "Visit booked → checked in");
            var toReady = new DurationTally("check-in-to-ready", "Checked in → ready");
            var partsYes = 0;
            var partsOf = 0;
            var partsMisses = new List<Example>();
            var fixYes = 0;
            var fixOf = 0;
            var fixMisses = new List<Example>();
            foreach (var visit in visits)
            {
                toCheckIn.Add((visit.CheckedInAt - visit.CreatedAt).TotalHours, visit.CustomerId, "appointment", visit.Id);
                if (visit.ReadyAt is { } ready)
                {
                    toReady.Add((ready - visit.CheckedInAt).TotalHours, visit.CustomerId, "appointment", visit.Id);
                }

                if (visit.PartsAtCheckIn is { } parts && parts != PartsReadiness.NoParts)
                {
                    partsOf++;
                    if (parts == PartsReadiness.Ready)
                    {
                        partsYes++;
                    }
                    else if (partsMisses.Count < 5)
                    {
                        partsMisses.Add(examples.Add(visit.CustomerId, "appointment", visit.Id, $"parts {parts.ToString().ToLowerInvariant()} at check-in"));
                    }
                }

                if (visit.HasParts && visit.CollectedAt is { } collected)
                {
                    fixOf++;
                    var cameBack = later[visit.VehicleId].FirstOrDefault(b => b.Id != visit.Id && b.CreatedAt > collected && b.CreatedAt <= collected + ReturnWithin);
                    if (cameBack is null)
                    {
                        fixYes++;
                    }
                    else if (fixMisses.Count < 5)
                    {
                        fixMisses.Add(examples.Add(visit.CustomerId, "appointment", cameBack.Id, $"back after {(cameBack.CreatedAt - collected).TotalDays:0} days"));
                    }
                }
            }

            return ([toCheckIn.ToFigure(examples), toReady.ToFigure(examples)],
                new RatioFigure("Parts ready at check-in", partsOf, partsYes, JourneyMath.Share(partsYes, partsOf), partsMisses),
                new RatioFigure("Fixed on the first visit", fixOf, fixYes, JourneyMath.Share(fixYes, fixOf), fixMisses));
        }

        /// <summary>From the trade-in handed over to its loan paid off: every day of it the customer's old loan runs on.</summary>
        private async Task<DurationFigure> PayoffLagAsync(List<Guid> sites, DateTime start, DateTime end, ExampleNames examples, CancellationToken ct)
        {
            var paid = await db.TradeIns.AsNoTracking()
                .Where(t => sites.Contains(t.SiteId) && t.PayoffSentAt >= start && t.PayoffSentAt < end && t.ReceivedAt != null)
                .Select(t => new { t.Id, t.CustomerId, Received = t.ReceivedAt!.Value, Sent = t.PayoffSentAt!.Value })
                .ToListAsync(ct);
            var tally = new DurationTally("trade-in-payoff", "Trade-in in → loan paid off");
            foreach (var t in paid)
            {
                tally.Add((t.Sent - t.Received).TotalHours, t.CustomerId, "trade-in", t.Id);
            }

            return tally.ToFigure(examples);
        }

        private async Task<(List<PromiseFigure>, List<PromiseFigure>)> PromisesAsync(List<Guid> sites, DateTime start, DateTime end, CancellationToken ct)
        {
            var resolved = await db.Promises.AsNoTracking()
                .Where(p => sites.Contains(p.SiteId) && p.ResolvedAt >= start && p.ResolvedAt < end
                    && (p.State == PromiseState.Kept || p.State == PromiseState.Broken || p.State == PromiseState.Renegotiated))
                .GroupBy(p => new { p.OwnerStaffId, p.SubjectType, p.State })
                .Select(g => new { g.Key.OwnerStaffId, g.Key.SubjectType, g.Key.State, Count = g.Count() })
                .ToListAsync(ct);
            var ownerIds = resolved.Select(r => r.OwnerStaffId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

            static PromiseFigure Figure(string who, Guid? staffId, IEnumerable<(PromiseState State, int Count)> rows)
            {
                var list = rows.ToList();
                int Of(PromiseState state) => list.Where(r => r.State == state).Sum(r => r.Count);
                var kept = Of(PromiseState.Kept);
                var broken = Of(PromiseState.Broken);
                return new PromiseFigure(who, staffId, kept, broken, Of(PromiseState.Renegotiated), JourneyMath.Share(kept, kept + broken));
            }

            var byPerson = resolved.GroupBy(r => r.OwnerStaffId)
                .Select(g => Figure(names.GetValueOrDefault(g.Key, "A former colleague"), g.Key, g.Select(r => (r.State, r.Count))))
                .OrderBy(f => f.KeptShare ?? 1).ThenBy(f => f.Who, StringComparer.Ordinal).ToList();
            var byDepartment = resolved.GroupBy(r => Department(r.SubjectType))
                .Select(g => Figure(g.Key, null, g.Select(r => (r.State, r.Count))))
                .OrderBy(f => f.Who, StringComparer.Ordinal).ToList();
            return (byPerson, byDepartment);
        }

        private async Task<DecisionFigures> DecisionsAsync(List<Guid> sites, DateTime start, DateTime end, CancellationToken ct)
        {
            var decisions = await db.Decisions.AsNoTracking()
                .Where(d => sites.Contains(d.SiteId) && d.CreatedAt >= start && d.CreatedAt < end)
                .Select(d => new { d.Action, d.Why, d.Status, d.Outcome, d.CreatedAt, d.DecidedAt })
                .ToListAsync(ct);
            static bool Escalated(DecisionStatus s) => s != DecisionStatus.Applied;
            var waits = decisions.Where(d => d.Status is DecisionStatus.Approved or DecisionStatus.Declined && d.DecidedAt is not null)
                .Select(d => (d.DecidedAt!.Value - d.CreatedAt).TotalHours).ToList();
            var byAction = decisions.GroupBy(d => d.Action).OrderBy(g => g.Key).Select(g =>
            {
                var kept = g.Count(d => d.Outcome == DecisionOutcome.CustomerKept);
                var lost = g.Count(d => d.Outcome == DecisionOutcome.CustomerLost);
                return new DecisionActionFigure(g.Key, g.Count(), g.Count(d => Escalated(d.Status)), g.Count(d => d.Status == DecisionStatus.Declined), kept, lost,
                    g.Count(d => d.Outcome == DecisionOutcome.NoEffect), g.Count(d => d.Outcome == DecisionOutcome.Open), JourneyMath.Share(kept, kept + lost));
            }).ToList();
            var byReason = decisions.Where(d => d.Status is DecisionStatus.Applied or DecisionStatus.Approved).GroupBy(d => d.Why).OrderBy(g => g.Key).Select(g =>
            {
                var kept = g.Count(d => d.Outcome == DecisionOutcome.CustomerKept);
                var lost = g.Count(d => d.Outcome == DecisionOutcome.CustomerLost);
                return new DecisionReasonFigure(g.Key, g.Count(), kept, lost, g.Count(d => d.Outcome == DecisionOutcome.NoEffect), g.Count(d => d.Outcome == DecisionOutcome.Open),
                    JourneyMath.Share(kept, kept + lost));
            }).ToList();
            return new DecisionFigures(decisions.Count, decisions.Count(d => !Escalated(d.Status)), decisions.Count(d => Escalated(d.Status)),
                decisions.Count(d => d.Status == DecisionStatus.Approved), decisions.Count(d => d.Status == DecisionStatus.Declined),
                decisions.Count(d => d.Status == DecisionStatus.AwaitingApproval), JourneyMath.Percentile(waits, 0.5), byAction) { ByReason = byReason };
        }

        public static string Department(string? subjectType) => subjectType switch
        {
            "order" => "Sales",
            "appointment" => "Service",
            "trade-in" => "Used cars",
            _ => "Customer care",
        };
    }

    /// <summary>Time spent in one order stage and the silences over its limit.</summary>
    private sealed class StageTally(string stage, TimeSpan limit)
    {
        public HashSet<Guid> Subjects { get; } = [];

        public HashSet<Guid> Silent { get; } = [];

        public int Gaps { get; set; }

        public List<(double Hours, Guid CustomerId, Guid OrderId, string Spanned)> Worst { get; } = [];

        public StageSilence ToFigure(ExampleNames examples)
        {
            var worst = Worst.OrderByDescending(w => w.Hours).ThenBy(w => w.OrderId).DistinctBy(w => w.OrderId).Take(5)
                .Select(w => examples.Add(w.CustomerId, "order", w.OrderId, $"{w.Hours / 24:0.#} days without a word ({w.Spanned})", w.Hours)).ToList();
            return new StageSilence(stage, limit.TotalHours, Subjects.Count, Silent.Count, Gaps, Worst.Count == 0 ? null : Worst.Max(w => w.Hours) / 24, worst);
        }
    }

    private sealed class DurationTally(string key, string name)
    {
        private readonly List<(double Hours, Guid CustomerId, string SubjectType, Guid SubjectId, string? Note)> rows = [];

        public void Add(double hours, Guid customerId, string subjectType, Guid subjectId, string? note = null) =>
            rows.Add((hours, customerId, subjectType, subjectId, note));

        public DurationFigure ToFigure(ExampleNames examples)
        {
            var hours = rows.Select(r => r.Hours).ToList();
            var longest = rows.OrderByDescending(r => r.Hours).ThenBy(r => r.SubjectId).Take(5)
                .Select(r => examples.Add(r.CustomerId, r.SubjectType, r.SubjectId, r.Note is null ? JourneyAnalytics.Describe(r.Hours) : $"{JourneyAnalytics.Describe(r.Hours)}, {r.Note}", r.Hours)).ToList();
            return new DurationFigure(key, name, rows.Count, JourneyMath.Percentile(hours, 0.5), JourneyMath.Percentile(hours, 0.9), longest);
        }
    }

    /// <summary>Collects the customers named in examples and looks their names up in one query at the end.</summary>
    private sealed class ExampleNames
    {
        private readonly HashSet<Guid> ids = [];
        private Dictionary<Guid, string> names = [];

        public Example Add(Guid customerId, string? subjectType, Guid? subjectId, string detail, double? value = null)
        {
            ids.Add(customerId);
            return new Example(customerId, "", subjectType, subjectId, detail) { Value = value };
        }

        public async Task NameAsync(DealershipDbContext db, CancellationToken ct)
        {
            var list = ids.ToList();
            names = await db.Customers.AsNoTracking().Where(c => list.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
        }

        public List<Example> Resolve(IReadOnlyList<Example> examples) =>
            examples.Select(e => e with { Customer = names.GetValueOrDefault(e.CustomerId, "A customer") }).ToList();
    }
}

public sealed record JourneyAnalytics(
    DateOnly From,
    DateOnly To,
    Guid? SiteId,
    ContactFigures Contacts,
    IReadOnlyList<StageSilence> Silence,
    IReadOnlyList<DurationFigure> Durations,
    IReadOnlyList<PromiseFigure> PromisesByPerson,
    IReadOnlyList<PromiseFigure> PromisesByDepartment,
    RatioFigure PartsReadyAtCheckIn,
    RatioFigure FirstVisitFixWithParts,
    DecisionFigures Decisions)
{
    /// <summary>The latest promises broken in the window, with the customers they were made to.</summary>
    public IReadOnlyList<Example> BrokenPromises { get; init; } = [];

    /// <summary>"ordered → in transit", or one stage's name: what a silence spanned.</summary>
    public static string Spanned(SilenceGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return gap.FromStage == gap.ToStage ? gap.FromStage.ToLowerInvariant() : $"{gap.FromStage.ToLowerInvariant()} → {gap.ToStage.ToLowerInvariant()}";
    }

    /// <summary>"3 h", "2.5 days": a duration as a manager reads it.</summary>
    public static string Describe(double hours) => hours < 48 ? $"{hours:0.#} h" : $"{hours / 24:0.#} days";
}

/// <summary>A customer behind a figure, with what happened to them; the dashboard links to their journey.</summary>
public sealed record Example(Guid CustomerId, string Customer, string? SubjectType, Guid? SubjectId, string Detail)
{
    /// <summary>The figure's own measure for this customer (hours), so examples from several stages can be ranked together.</summary>
    public double? Value { get; init; }
}

public sealed record ContactFigures(int Total, int DealerProactive, int DealerReactive, int CustomerChasing, int CustomerAnswers,
    double? ChasingShare, double? ProactiveShare, IReadOnlyList<Example> ChasingCustomers);

/// <summary>An order stage: how many orders spent time in it, how many went silent past its limit, and the worst.</summary>
public sealed record StageSilence(string Stage, double LimitHours, int Orders, int SilentOrders, int Gaps, double? LongestDays, IReadOnlyList<Example> Examples);

public sealed record DurationFigure(string Key, string Name, int Count, double? MedianHours, double? P90Hours, IReadOnlyList<Example> Longest);

public sealed record PromiseFigure(string Who, Guid? StaffId, int Kept, int Broken, int Renegotiated, double? KeptShare);

public sealed record RatioFigure(string Name, int Of, int Yes, double? Share, IReadOnlyList<Example> Misses);

public sealed record DecisionFigures(int Total, int WithinLimit, int Escalated, int Approved, int Declined, int Waiting, double? MedianHoursToAnswer,
    IReadOnlyList<DecisionActionFigure> ByAction)
{
    /// <summary>Granted decisions by the kind of reason behind them, and how each kind turned out.</summary>
    public IReadOnlyList<DecisionReasonFigure> ByReason { get; init; } = [];
}

/// <summary>One kind of reason and what the decisions given for it led to.</summary>
public sealed record DecisionReasonFigure(DecisionReason Why, int Total, int Kept, int Lost, int NoEffect, int Open, double? KeptShare);

/// <summary>One kind of decision and how it paid off: kept share = customers kept / (kept + lost).</summary>
public sealed record DecisionActionFigure(DecisionAction Action, int Total, int Escalated, int Declined, int Kept, int Lost, int NoEffect, int Open, double? KeptShare);
