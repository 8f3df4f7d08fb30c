using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>
/// The visits waiting on parts orders whose date changed (confirmed by the supplier, or re-dated because
/// the order went out later than drafted): each is judged against the new date, and any that can no longer
/// have its parts in time is flagged to its advisor and customer at once.
/// </summary>
public sealed class WaitingVisits(DealershipDbContext db, ServiceNotices notices)
{
    public async Task ApplyEtaAsync(IReadOnlyList<PartsOrder> orders, DateTime now, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return;
        }

        var ids = orders.Select(o => o.Id).ToList();
        var waiting = await db.Appointments.AsSplitQuery()
            .Where(a => a.Status == AppointmentStatus.Booked &&
                        a.PartLines.Any(l => l.PartsOrderId.HasValue && ids.Contains(l.PartsOrderId.Value) && l.State == PartLineState.OnOrder))
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var siteIds = waiting.Select(a => a.SiteId).Distinct().ToList();
        var calendars = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new WorkingDays(s.OpenDays), ct);
        var atRisk = new List<ServiceAppointment>();
        foreach (var appointment in waiting)
        {
            foreach (var order in orders.Where(o => appointment.PartLines.Any(l => l.PartsOrderId == o.Id)))
            {
                appointment.UpdateEta(order.Id, order.Eta);
            }

            if (appointment.AssessParts(calendars[appointment.SiteId].Before(appointment.Date), now) == ReadinessChange.BecameAtRisk)
            {
                atRisk.Add(appointment);
            }
        }

        await notices.PartsAtRiskAsync(atRisk, ct);
    }
}
