using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Service;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>The moves shared by staff and the customer's own tracking page.</summary>
public sealed class AppointmentMover(DealershipDbContext db, WorkshopCapacity capacity, Sites.SiteContext siteContext, TimeProvider clock)
{
    /// <param name="advisorStaffId">
    /// The advisor the visit moves to; none when only a time was agreed (the customer's own pick, a recovery): then the
    /// visit's own advisor if free at that time, else another advisor free then (<see cref="AdvisorFreeAtAsync"/>).
    /// The times offered for such a move fall back to another advisor's times the same way, so a time offered is a time
    /// that can be taken.
    /// </param>
    /// <param name="keepsOwnAdvisor">
    /// A staff move that names no advisor (the reschedule API) keeps the visit's own, and is refused with the reason when
    /// that advisor is busy; only a visit whose advisor no longer advises at the site goes to an advisor free then.
    /// </param>
    public async Task MoveAsync(ServiceAppointment appointment, DateTime startsAt, Guid? advisorStaffId, string reason, bool byCustomer, bool keepsOwnAdvisor,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var site = await siteContext.OfRecordAsync(appointment.SiteId, ct);
        var date = capacity.CheckSlot(site, startsAt);
        var advisors = (await capacity.AdvisorsAsync(site.Id, ct)).Select(a => a.Id).ToHashSet();
        var advisorId = advisorStaffId
                        ?? (keepsOwnAdvisor && advisors.Contains(appointment.AdvisorStaffId)
                            ? appointment.AdvisorStaffId
                            : await AdvisorFreeAtAsync(site, appointment, startsAt, date, advisors, byCustomer, ct));
        if (!advisors.Contains(advisorId))
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

    /// <summary>
    /// For a move agreed as a time alone: the visit's own advisor when free then (or when the visit stays where it is),
    /// else the first advisor free then. When nobody is, the customer reads that the time was just taken; staff get the
    /// visit's own advisor, so the reservation refuses with the precise reason (the workshop or the advisor full, the
    /// drop-off taken).
    /// </summary>
    private async Task<Guid> AdvisorFreeAtAsync(Domain.Sites.Site site, ServiceAppointment appointment, DateTime startsAt, DateOnly date,
        HashSet<Guid> advisors, bool byCustomer, CancellationToken ct)
    {
        var own = appointment.AdvisorStaffId;
        if (startsAt == appointment.StartsAt && advisors.Contains(own))
        {
            return own;
        }

        var day = (await capacity.AvailabilityAsync(site, date, date, appointment.LabourMinutes, null, appointment.Id, ct)).Single();
        var free = day.Advisors.FirstOrDefault(a => a.StaffId == own && a.Slots.Contains(startsAt)) ?? day.Advisors.FirstOrDefault(a => a.Slots.Contains(startsAt));
        return free?.StaffId
               ?? (byCustomer || !advisors.Contains(own)
                   ? throw new DomainRuleException("That time has just been taken. Please pick another.", "slot-taken")
                   : own);
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
