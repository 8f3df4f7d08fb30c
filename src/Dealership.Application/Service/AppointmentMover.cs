using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Service;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>The moves shared by staff and the customer's own tracking page.</summary>
public sealed class AppointmentMover(DealershipDbContext db, WorkshopCapacity capacity, TimeProvider clock)
{
    /// <param name="advisorStaffId">
    /// The advisor the visit moves to; none when only a time was agreed (the customer's own pick, a recovery): then the
    /// visit's own advisor if free at that time, else another advisor free then. The times offered for such a move fall
    /// back to another advisor's times the same way, so a time offered is a time that can be taken.
    /// </param>
    public async Task MoveAsync(ServiceAppointment appointment, DateTime startsAt, Guid? advisorStaffId, string reason, bool byCustomer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == appointment.SiteId, ct);
        var date = capacity.CheckSlot(site, startsAt);
        var advisorId = advisorStaffId ?? (startsAt == appointment.StartsAt ? appointment.AdvisorStaffId : await FreeAdvisorAsync(site, appointment, startsAt, date, ct));
        if (!(await capacity.AdvisorsAsync(site.Id, ct)).Any(a => a.Id == advisorId))
        {
            throw new DomainRuleException("That person is not a service advisor at this site.", "not-an-advisor");
        }

        if (startsAt == appointment.StartsAt && advisorId == appointment.AdvisorStaffId)
        {
            // Already there (a second click, a resent form or request): nothing moves, so nobody is told it moved.
            return;
        }

        var oldDate = appointment.Date;
        if (oldDate == date)
        {
            // Its own labour is not in the way of its new time that day: give it back first, or the day counts it twice.
            await capacity.ReleaseAsync(site.Id, oldDate, appointment.LabourMinutes, ct);
        }

        await capacity.ReserveAsync(site, date, startsAt, walkIn: false, appointment.LabourMinutes, advisorId, appointment.Id, ct);
        if (oldDate != date)
        {
            await capacity.ReleaseAsync(site.Id, oldDate, appointment.LabourMinutes, ct);
        }

        appointment.Reschedule(startsAt, date, advisorId, reason, byCustomer, clock.GetUtcNow().UtcDateTime);
        // Lines on order are judged against the new date now; the planner (after commit) handles the rest.
        var calendar = new Domain.Parts.WorkingDays(site.OpenDays);
        appointment.AssessParts(calendar.Before(date), clock.GetUtcNow().UtcDateTime);
    }

    private async Task<Guid> FreeAdvisorAsync(Domain.Sites.Site site, ServiceAppointment appointment, DateTime startsAt, DateOnly date, CancellationToken ct)
    {
        var day = (await capacity.AvailabilityAsync(site, date, date, appointment.LabourMinutes, null, appointment.Id, ct)).Single();
        var advisor = day.Advisors.FirstOrDefault(a => a.StaffId == appointment.AdvisorStaffId && a.Slots.Contains(startsAt))
                      ?? day.Advisors.FirstOrDefault(a => a.Slots.Contains(startsAt))
                      ?? throw new DomainRuleException("That time has just been taken. Please pick another.", "slot-taken");
        return advisor.StaffId;
    }

    public async Task CancelAsync(ServiceAppointment appointment, string reason, bool byCustomer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var released = appointment.Cancel(reason, byCustomer, clock.GetUtcNow().UtcDateTime);
        await capacity.ReleaseAsync(appointment.SiteId, appointment.Date, appointment.LabourMinutes, ct);
        var partIds = released.Select(l => l.PartId).Distinct().ToList();
        var parts = await db.Parts.Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var line in released)
        {
            parts[line.PartId].Release(line.Quantity);
        }
    }
}
