using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>Appointments belong to a site: staff reach those of their sites; others are "not found".</summary>
public sealed class AppointmentAccess(DealershipDbContext db, ICurrentStaff staff)
{
    public async Task<ServiceAppointment> LoadAsync(Guid id, long? expectedVersion, CancellationToken ct)
    {
        return await db.Appointments.AsSplitQuery().AtMySites(staff).ForChangeAsync(id, expectedVersion, "Appointment", ct);
    }
}
