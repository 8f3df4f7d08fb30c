using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;
using Dealership.Domain.Decisions;
using Dealership.Domain.Orders;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Decisions;

/// <summary>
/// What a manager should know about a customer before saying yes: how long they have been with us, what they
/// bought and brought in, how their payments went, and how earlier gestures turned out, in plain words with
/// the facts behind them. Advice beside the decision, never a rule that decides it.
/// </summary>
public sealed record Standing(Guid CustomerId, DateTime Since, int Purchases, int Visits, int PaymentsCleared, int PaymentsBounced, int Gestures, int GesturesKept,
    IReadOnlyList<string> Notes)
{
    /// <summary>Visits booked and not turned up to.</summary>
    public int NoShows { get; init; }

    /// <summary>Our promises to them we broke: the case for a gesture.</summary>
    public int PromisesBroken { get; init; }

    /// <summary>Times in the last 90 days they had to chase us (a call, a visit, free text a person answered).</summary>
    public int Chases { get; init; }

    /// <summary>"Low", "Medium" or "High": the money risk of saying yes, with <see cref="Reasons"/> that say why. Advice, never a veto.</summary>
    public string Risk { get; init; } = "Medium";

    public IReadOnlyList<string> Reasons { get; init; } = [];
}

public sealed class CustomerStanding(DealershipDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The money risk of a yes, with its reasons: a bounced payment raises it, years with us, purchases and
    /// payments that cleared lower it, missed visits count a little. Deliberately simple, so anyone can check it.
    /// </summary>
    public static (string Risk, IReadOnlyList<string> Reasons) Assess(double years, int bought, int serviced, int cleared, int bounced, int noShows)
    {
        var score = 0;
        var reasons = new List<string>();
        if (bounced > 0)
        {
            score += 2 * bounced;
            reasons.Add($"+{2 * bounced}: {bounced} bounced payment{(bounced == 1 ? "" : "s")}");
        }

        if (noShows >= 2)
        {
            score += 1;
            reasons.Add($"+1: {noShows} missed visits");
        }

        if (years >= 2)
        {
            score -= 1;
            reasons.Add($"−1: with us {Math.Floor(years):0} years");
        }

        if (bought + serviced >= 2)
        {
            score -= 1;
            reasons.Add($"−1: {bought + serviced} purchases and visits completed");
        }

        if (cleared >= 2 && bounced == 0)
        {
            score -= 1;
            reasons.Add($"−1: {cleared} payments cleared, none bounced");
        }

        if (reasons.Count == 0)
        {
            reasons.Add("0: nothing in their history weighs either way yet");
        }

        return (score >= 2 ? "High" : score <= -2 ? "Low" : "Medium", reasons);
    }

    /// <summary>Standings for a page of customers in a fixed number of queries.</summary>
    public async Task<IReadOnlyDictionary<Guid, Standing>> ForAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        if (customerIds.Count == 0)
        {
            return new Dictionary<Guid, Standing>();
        }

        var ids = customerIds.Distinct().ToList();
        var since = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CreatedAt, ct);
        var purchases = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.CustomerId) && o.Status == OrderMilestone.Delivered)
            .GroupBy(o => o.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var visits = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.CustomerId) && a.Status == AppointmentStatus.Collected)
            .GroupBy(a => a.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var payments = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Cleared || p.Status == PaymentStatus.Failed)
            .Join(db.Orders.Where(o => ids.Contains(o.CustomerId)), p => p.OrderId, o => o.Id, (p, o) => new { o.CustomerId, p.Status })
            .GroupBy(p => new { p.CustomerId, p.Status }).Select(g => new { g.Key.CustomerId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        // Earlier gestures: not the ones made on the same deal in the last day, which are the request being weighed.
        var earlier = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var gestures = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.CustomerId) && d.CreatedAt < earlier
                && (d.Status == DecisionStatus.Applied || d.Status == DecisionStatus.Approved))
            .GroupBy(d => d.CustomerId).Select(g => new { g.Key, Count = g.Count(), Kept = g.Count(d => d.Outcome == DecisionOutcome.CustomerKept) })
            .ToDictionaryAsync(x => x.Key, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var noShows = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.CustomerId) && a.Status == AppointmentStatus.NoShow)
            .GroupBy(a => a.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var broken = await db.Promises.AsNoTracking().Where(p => ids.Contains(p.CustomerId) && p.State == Domain.Promises.PromiseState.Broken)
            .GroupBy(p => p.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var recently = now.AddDays(-90);
        var chases = await db.Touchpoints.AsNoTracking()
            .Where(t => ids.Contains(t.CustomerId) && t.OccurredAt >= recently && t.Actor == Domain.Journey.TouchpointActor.Customer
                && ((t.Kind == Domain.Journey.TouchpointKind.CustomerReply && t.SubjectType == "task") || t.Kind == Domain.Journey.TouchpointKind.Call || t.Kind == Domain.Journey.TouchpointKind.Visit))
            .GroupBy(t => t.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return ids.Where(since.ContainsKey).ToDictionary(id => id, id =>
        {
            var cleared = payments.Where(p => p.CustomerId == id && p.Status == PaymentStatus.Cleared).Sum(p => p.Count);
            var bounced = payments.Where(p => p.CustomerId == id && p.Status == PaymentStatus.Failed).Sum(p => p.Count);
            var bought = purchases.GetValueOrDefault(id);
            var serviced = visits.GetValueOrDefault(id);
            var given = gestures.GetValueOrDefault(id);
            var years = (now - since[id]).TotalDays / 365.25;
            var notes = new List<string>
            {
                years >= 1 ? $"A customer for {Math.Floor(years):0} year{(years >= 2 ? "s" : "")}" : "New this year",
                bought + serviced == 0 ? "no purchase or completed visit with us yet" : $"{bought} car{(bought == 1 ? "" : "s")} bought, {serviced} visit{(serviced == 1 ? "" : "s")} completed",
                bounced > 0 ? $"{bounced} payment{(bounced == 1 ? "" : "s")} bounced (and {cleared} cleared)" : cleared > 0 ? $"every payment cleared ({cleared})" : "no payment history yet",
            };
            if (given is not null)
            {
                notes.Add($"{given.Count} earlier gesture{(given.Count == 1 ? "" : "s")}, {given.Kept} followed by the customer coming back");
            }

            var missed = noShows.GetValueOrDefault(id);
            var letDown = broken.GetValueOrDefault(id);
            var chased = chases.GetValueOrDefault(id);
            if (missed > 0)
            {
                notes.Add($"{missed} missed visit{(missed == 1 ? "" : "s")}");
            }

            if (letDown > 0 || chased > 0)
            {
                notes.Add($"we broke {letDown} promise{(letDown == 1 ? "" : "s")} to them{(chased > 0 ? $" and they chased us {chased} time{(chased == 1 ? "" : "s")} lately" : "")}");
            }

            var (risk, reasons) = Assess(years, bought, serviced, cleared, bounced, missed);
            return new Standing(id, since[id], bought, serviced, cleared, bounced, given?.Count ?? 0, given?.Kept ?? 0, notes)
            {
                NoShows = missed, PromisesBroken = letDown, Chases = chased, Risk = risk, Reasons = reasons,
            };
        });
    }
}

/// <summary>The standing of the customers behind a page of decisions (at most 50), at the caller's sites.</summary>
public static class GetCustomerStanding
{
    [Allowed(Access.ReadDecisions)]
    public sealed record Query(IReadOnlyList<Guid> CustomerIds) : IQuery<IReadOnlyDictionary<Guid, Standing>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.CustomerIds).Must(ids => ids is { Count: <= 50 }).WithMessage("At most 50 customers at a time.");
    }

    public sealed class Handler(CustomerStanding standing) : IQueryHandler<Query, IReadOnlyDictionary<Guid, Standing>>
    {
        public async ValueTask<IReadOnlyDictionary<Guid, Standing>> Handle(Query query, CancellationToken cancellationToken) =>
            await standing.ForAsync(query.CustomerIds, cancellationToken);
    }
}
