using Dealership.Application.Common;
using Hangfire;

namespace Dealership.Application.Parts;

/// <summary>
/// A visit booked with parts asks the unit of work to plan that visit as soon as the change commits; a move (which may free stock for
/// others) and a supplier switched to auto-send (whose drafts the planner releases) ask for a whole run, one waiting run
/// at a time serving every request.
/// If the process dies first, the recurring run plans it anyway.
/// </summary>
public sealed class PartsPlanningSignal(UnitOfWork unit, IBackgroundJobClient jobs, CoalescedJobs sweeps) :
    IDomainEventSubscriber<Domain.Service.AppointmentBooked>,
    IDomainEventSubscriber<Domain.Service.AppointmentRescheduled>,
    IDomainEventSubscriber<Domain.Parts.SupplierNowAutoSends>
{
    public Task HandleAsync(Domain.Parts.SupplierNowAutoSends domainEvent, CancellationToken cancellationToken) => PlanEverything();

    /// <summary>
    /// A visit booked without parts (a diagnosis, a concern to look at) has nothing to plan: no run, so no second
    /// transaction and write lock per booking (issue #14). A booked visit's lines are the ones it was booked with (parts
    /// for extra work found after check-in are the workshop's), and the recurring run still re-dates and releases drafts.
    /// </summary>
    public Task HandleAsync(Domain.Service.AppointmentBooked domainEvent, CancellationToken cancellationToken) =>
        domainEvent.Appointment.PartLines.Count == 0 ? Task.CompletedTask : PlanVisit(domainEvent.Appointment.Id);

    /// <summary>A move may free stock (a visit moved beyond the horizon gives its parts back) for others waiting on it: everything is planned.</summary>
    public Task HandleAsync(Domain.Service.AppointmentRescheduled domainEvent, CancellationToken cancellationToken) => PlanEverything();

    private Task PlanEverything()
    {
        unit.AfterCommit(nameof(PreOrderPartsJob), () => sweeps.Enqueue<PreOrderPartsJob>(job => job.RunAsync(CancellationToken.None)));
        return Task.CompletedTask;
    }

    private Task PlanVisit(Guid appointmentId)
    {
        unit.AfterCommit($"{nameof(PreOrderPartsJob)}/{appointmentId}", () => jobs.Enqueue<PreOrderPartsJob>(job => job.RunForVisitAsync(appointmentId, CancellationToken.None)));
        return Task.CompletedTask;
    }
}
