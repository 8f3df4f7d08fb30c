using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>The advisor's lane: one day's appointments at the current site with parts readiness per line, and counts.</summary>
public static class GetLane
{
    public sealed record Lane(DateOnly Date, int Appointments, int PartsReady, int NotReady, int CheckedIn, IReadOnlyList<AppointmentView> Items);

    [Allowed(Access.ReadService)]
    public sealed record Query(DateOnly? Date, Guid? AdvisorStaffId = null) : IQuery<Lane>;

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, AppointmentViews views, TimeProvider clock) : IQueryHandler<Query, Lane>
    {
        /// <summary>A workshop books far fewer than this per day; the cap keeps one page bounded.</summary>
        public const int MaxPerDay = 200;

        public async ValueTask<Lane> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var date = query.Date ?? DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
            var day = db.Appointments.AsNoTracking().AsSplitQuery()
                .Where(a => a.SiteId == site.Id && a.Date == date && a.Status != AppointmentStatus.Cancelled);
            if (query.AdvisorStaffId is { } advisor)
            {
                day = day.Where(a => a.AdvisorStaffId == advisor);
            }

            var appointments = await day
                .OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Take(MaxPerDay).ToListAsync(cancellationToken);
            var items = await views.ManyAsync(appointments, cancellationToken);
            return new Lane(date, items.Count,
                items.Count(i => i.Readiness is PartsReadiness.Ready or PartsReadiness.NoParts),
                items.Count(i => i.Status == AppointmentStatus.Booked && i.Readiness is not (PartsReadiness.Ready or PartsReadiness.NoParts)),
                items.Count(i => i.Status == AppointmentStatus.CheckedIn), items);
        }
    }
}
