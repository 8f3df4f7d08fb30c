using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>Workshop availability at the current site: per day, capacity left and each advisor's free drop-off times.</summary>
public static class GetAvailability
{
    public sealed record Query(DateOnly From, DateOnly To, int? LabourMinutes, Guid? AdvisorStaffId) : IQuery<IReadOnlyList<WorkshopDayAvailability>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("'to' is on or after 'from'.");
            RuleFor(q => q).Must(q => q.To.DayNumber - q.From.DayNumber <= 31).WithName("to").WithMessage("Ask for at most 31 days at a time.");
            RuleFor(q => q.LabourMinutes).InclusiveBetween(1, 2400);
        }
    }

    public sealed class Handler(SiteContext siteContext, WorkshopCapacity capacity) : IQueryHandler<Query, IReadOnlyList<WorkshopDayAvailability>>
    {
        public async ValueTask<IReadOnlyList<WorkshopDayAvailability>> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            return await capacity.AvailabilityAsync(site, query.From, query.To, query.LabourMinutes ?? ServiceAppointment.DiagnosisMinutes, query.AdvisorStaffId, null, cancellationToken);
        }
    }
}

public static class GetAppointment
{
    public sealed record Query(Guid Id) : IQuery<AppointmentView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, AppointmentViews views) : IQueryHandler<Query, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteIds = staff.SiteIds.ToList();
            var appointment = await db.Appointments.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == query.Id && siteIds.Contains(a.SiteId), cancellationToken)
                ?? throw new NotFoundException("Appointment", query.Id);
            return await views.OneAsync(appointment, cancellationToken);
        }
    }
}

/// <summary>Appointments at the current site, by day range, customer, status or parts readiness (one page).</summary>
public static class ListAppointments
{
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

            var page = await appointments.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).AsSplitQuery().ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<AppointmentView>(await views.ManyAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.Total);
        }
    }
}

/// <summary>The advisor's lane: one day's appointments at the current site with parts readiness per line, and counts.</summary>
public static class GetLane
{
    public sealed record Lane(DateOnly Date, int Appointments, int PartsReady, int NotReady, int CheckedIn, IReadOnlyList<AppointmentView> Items);

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
