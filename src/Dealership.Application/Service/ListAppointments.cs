using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>Appointments at the current site, by day range, customer, status or parts readiness (one page).</summary>
public static class ListAppointments
{
    [Allowed(Access.ReadService)]
    public sealed record Query(DateOnly? From, DateOnly? To, Guid? CustomerId, AppointmentStatus? Status, PartsReadiness? Readiness, int Page, int PageSize)
        : IQuery<PagedList<AppointmentView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, AppointmentViews views) : IQueryHandler<Query, PagedList<AppointmentView>>
    {
        public async ValueTask<PagedList<AppointmentView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var appointments = db.Appointments.AsNoTracking().Where(a => a.SiteId == staff.SiteId);
            if (query.From is { } from)
            {
                appointments = appointments.Where(a => a.Date >= from);
            }

            if (query.To is { } to)
            {
                appointments = appointments.Where(a => a.Date <= to);
            }

            if (query.CustomerId is { } customer)
            {
                appointments = appointments.Where(a => a.CustomerId == customer);
            }

            if (query.Status is { } status)
            {
                appointments = appointments.Where(a => a.Status == status);
            }

            if (query.Readiness is { } readiness)
            {
                appointments = appointments.Where(a => a.Readiness == readiness);
            }

            var page = await appointments.ToPagedListAsync(
                visits => views.WithNames(visits.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Select(AppointmentViews.Columns)), query.Page, query.PageSize, cancellationToken);
            return new PagedList<AppointmentView>(await views.ManyAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.Total);
        }
    }
}
