using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Parts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// Before a time is offered: can the parts for these operations be on the shelf in time? For each part, what
/// is free now and, if not enough, the earliest a supplier can deliver; and the earliest visit day that will
/// not be at risk. Booking a day earlier is allowed (the customer may prefer it) but the page says so.
/// </summary>
public static class CheckPartsForVisit
{
    public sealed record PartCheck(string PartNumber, string Description, int Quantity, int Available, bool InStock, DateOnly? EarliestOnShelf);

    /// <param name="EarliestVisit">The first day a visit has every part in time; null when some part cannot be had at all.</param>
    public sealed record Result(IReadOnlyList<PartCheck> Parts, DateOnly? EarliestVisit, bool AllInStock);

    [Allowed(Access.ReadService)]
    public sealed record Query(IReadOnlyList<string> OperationCodes) : IQuery<Result>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.OperationCodes).Must(c => c.Count <= 20).WithMessage("At most 20 operations per visit.");
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var calendar = new WorkingDays(site.OpenDays);
            var today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
            var codes = query.OperationCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
            var needed = (await db.ServiceOperations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToListAsync(cancellationToken))
                .SelectMany(o => o.Parts).GroupBy(p => p.PartNumber).Select(g => (Number: g.Key, Quantity: g.Sum(p => p.Quantity))).ToList();
            var numbers = needed.Select(n => n.Number).ToList();
            var parts = await db.Parts.AsNoTracking().Where(p => p.SiteId == site.Id && numbers.Contains(p.PartNumber)).ToDictionaryAsync(p => p.PartNumber, cancellationToken);

            var checks = new List<PartCheck>();
            DateOnly? earliestVisit = today;
            foreach (var (number, quantity) in needed)
            {
                if (!parts.TryGetValue(number, out var part))
                {
                    checks.Add(new PartCheck(number, "Not set up at this site", quantity, 0, false, null));
                    earliestVisit = null;
                    continue;
                }

                if (part.Available >= quantity)
                {
                    checks.Add(new PartCheck(number, part.Description, quantity, part.Available, true, today));
                    continue;
                }

                var quickest = part.Suppliers.Count == 0 ? (DateOnly?)null : part.Suppliers.Min(s => calendar.Add(today, s.LeadTimeWorkingDays));
                checks.Add(new PartCheck(number, part.Description, quantity, part.Available, false, quickest));
                earliestVisit = quickest is { } eta && earliestVisit is { } current ? Max(current, calendar.Add(eta, 1)) : null;
            }

            return new Result(checks, earliestVisit, checks.All(c => c.InStock));
        }

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
