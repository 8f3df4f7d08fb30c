using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>What is short for which appointment at the current site: every line not yet on the shelf, earliest visit first.</summary>
public static class ListShortages
{
    public sealed record Shortage(Guid AppointmentId, DateTime StartsAt, DateOnly Date, string CustomerName, Guid AdvisorStaffId, Guid PartId, string PartNumber,
        string Description, int Quantity, PartLineState State, DateOnly? Eta, Guid? PartsOrderId, bool AtRisk, bool OrderNotSent = false);

    [Allowed(Access.ReadParts)]
    public sealed record Query(int Page, int PageSize) : IQuery<PagedList<Shortage>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<Shortage>>
    {
        public async ValueTask<PagedList<Shortage>> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteId = staff.SiteId;
            var shortages = db.Appointments.AsNoTracking()
                .Where(a => a.SiteId == siteId && a.Status == AppointmentStatus.Booked)
                .SelectMany(a => a.PartLines.Where(l => l.State != PartLineState.Reserved), (a, l) => new { a, l })
                .Join(db.Customers, x => x.a.CustomerId, c => c.Id, (x, c) => new { x.a, x.l, c.FirstName, c.LastName })
                .OrderBy(x => x.a.StartsAt).ThenBy(x => x.l.PartNumber)
                .Select(x => new Shortage(x.a.Id, x.a.StartsAt, x.a.Date, x.FirstName + " " + x.LastName, x.a.AdvisorStaffId,
                    x.l.PartId, x.l.PartNumber, x.l.Description, x.l.Quantity, x.l.State, x.l.Eta, x.l.PartsOrderId, x.a.Readiness == PartsReadiness.AtRisk,
                    db.PartsOrders.Any(o => o.Id == x.l.PartsOrderId && o.Status == Domain.Parts.PartsOrderStatus.Draft)));
            return await shortages.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        }
    }
}
