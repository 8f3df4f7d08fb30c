using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>One appointment at the caller's sites, with its operations and where each part stands.</summary>
public static class GetAppointment
{
    [Allowed(Access.ReadService)]
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
