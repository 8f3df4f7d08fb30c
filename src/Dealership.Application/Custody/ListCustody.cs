using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Custody;
using Dealership.Domain.TradeIns;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Custody;

/// <summary>
/// The custody register at the caller's sites: who holds which customer property, since when, for what. Property
/// held for a subject that is no longer open (a withdrawn or returned trade-in) is flagged: an alert, never normal.
/// </summary>
public static class ListCustody
{
    [Allowed(Access.ManageSite)]
    public sealed record Query(bool? Open, Guid? CustomerId = null, bool AlertsOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<CustodyView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<CustodyView>>
    {
        public async ValueTask<PagedList<CustodyView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var records = db.Custody.AsNoTracking().AtMySites(staff);
            if (query.Open is { } open)
            {
                records = open ? records.Where(c => c.ReleasedAt == null) : records.Where(c => c.ReleasedAt != null);
            }

            if (query.CustomerId is { } customerId)
            {
                records = records.Where(c => c.CustomerId == customerId);
            }

            var rows = records.Select(c => new
            {
                Record = c,
                Customer = db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.FirstName + " " + x.LastName).First(),
                Holder = db.Users.Where(u => u.Id == c.HolderStaffId).Select(u => u.DisplayName).First(),
                // A trade-in is open while we own it; a visit while the car is in the workshop (checked in to collected).
                SubjectOpen = c.SubjectType == CustodyRegister.TradeInSubject
                    ? db.TradeIns.Any(t => t.Id == c.SubjectId && (t.Status == TradeInStatus.Received || t.Status == TradeInStatus.Sold))
                    : c.SubjectType != CustodyRegister.VisitSubject || db.Appointments.Any(a => a.Id == c.SubjectId
                        && (a.Status == Domain.Service.AppointmentStatus.CheckedIn || a.Status == Domain.Service.AppointmentStatus.InProgress || a.Status == Domain.Service.AppointmentStatus.Ready)),
            });
            if (query.AlertsOnly)
            {
                rows = rows.Where(r => r.Record.ReleasedAt == null && !r.SubjectOpen);
            }

            var page = await rows.OrderBy(r => r.Record.ReleasedAt != null).ThenBy(r => r.Record.Since).ThenBy(r => r.Record.Id)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<CustodyView>(page.Items.Select(r => CustodyView.From(r.Record, r.Customer, r.Holder, r.Record.IsOpen && !r.SubjectOpen)).ToList(),
                page.Page, page.PageSize, page.Total);
        }
    }
}

public sealed record CustodyView(Guid Id, Guid SiteId, Guid CustomerId, string CustomerName, CustodyItem Item, string ItemName, string Description, int Count,
    string SubjectType, Guid SubjectId, Guid HolderStaffId, string HolderName, DateTime Since, DateTime? ReleasedAt, string? ReleasedTo, bool Alert)
{
    public static CustodyView From(CustodyRecord c, string customer, string holder, bool alert)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.SiteId, c.CustomerId, customer, c.Item, CustodyRecord.Describe(c.Item, c.Count), c.Description, c.Count, c.SubjectType, c.SubjectId,
            c.HolderStaffId, holder, c.Since, c.ReleasedAt, c.ReleasedTo, alert);
    }
}
