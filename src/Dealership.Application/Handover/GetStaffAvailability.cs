using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

/// <summary>A staff member's working hours and blocked time (collections are only offered when the owner is there).</summary>
public static class GetStaffAvailability
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid StaffId) : IQuery<AvailabilityView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, AvailabilityView>
    {
        public async ValueTask<AvailabilityView> Handle(Query query, CancellationToken cancellationToken)
        {
            await StaffAvailabilityAccess.EnsureAsync(db, staff, query.StaffId, cancellationToken);
            var availability = await db.StaffAvailability.AsNoTracking().FirstOrDefaultAsync(a => a.StaffId == query.StaffId, cancellationToken);
            return new AvailabilityView(query.StaffId, availability?.Hours ?? [], availability?.Blocked ?? []);
        }
    }
}
