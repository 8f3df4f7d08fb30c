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
        var siteIds = staff.SiteIds.ToList();
        var appointment = await db.Appointments.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id && siteIds.Contains(a.SiteId), ct)
            ?? throw new NotFoundException("Appointment", id);
        if (expectedVersion is { } expected && expected != appointment.Version)
        {
            throw new PreconditionFailedException("Appointment", expected, appointment.Version);
        }

        return appointment;
    }
}
