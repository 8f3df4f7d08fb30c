using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>Visits of the caller's sites, loaded whole (findings, proposals, photos) for a workshop step.</summary>
public sealed class WorkshopAccess(DealershipDbContext db, ICurrentStaff staff)
{
    public Task<ServiceAppointment> LoadAsync(Guid id, long? expectedVersion, CancellationToken ct) =>
        db.Appointments.Include(a => a.Photos).AsSplitQuery().AtMySites(staff).ForChangeAsync(id, expectedVersion, "Visit", ct);

    public async Task<ServiceAppointment> ReadAsync(Guid id, CancellationToken ct) =>
        await db.Appointments.AsNoTracking().Include(a => a.Photos).AsSplitQuery().AtMySites(staff).FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException("Visit", id);
}
