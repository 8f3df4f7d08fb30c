using Dealership.Application.Common;
using Hangfire;

namespace Dealership.Application.Parts;

/// <summary>
/// A booked or moved visit asks the unit of work to plan that visit as soon as the change commits; a supplier switched to
/// auto-send, whose drafts the planner releases, asks for a whole run (one waiting run at a time serves every request).
/// If the process dies first, the recurring run plans it anyway.
/// </summary>
public sealed class PartsPlanningSignal(UnitOfWork unit, IBackgroundJobClient jobs, CoalescedJobs sweeps) :
    IDomainEventSubscriber<Domain.Service.AppointmentBooked>,
    IDomainEventSubscriber<Domain.Service.AppointmentRescheduled>,
    IDomainEventSubscriber<Domain.Parts.SupplierNowAutoSends>
{
    public Task HandleAsync(Domain.Parts.SupplierNowAutoSends domainEvent, CancellationToken cancellationToken)
    {
        unit.AfterCommit(nameof(PreOrderPartsJob), () => sweeps.Enqueue<PreOrderPartsJob>(nameof(PreOrderPartsJob), job => job.RunAsync(CancellationToken.None)));
        return Task.CompletedTask;
    }

    public Task HandleAsync(Domain.Service.AppointmentBooked domainEvent, CancellationToken cancellationToken) => PlanVisit(domainEvent.Appointment.Id);

    public Task HandleAsync(Domain.Service.AppointmentRescheduled domainEvent, CancellationToken cancellationToken) => PlanVisit(domainEvent.Appointment.Id);

    private Task PlanVisit(Guid appointmentId)
    {
        unit.AfterCommit($"{nameof(PreOrderPartsJob)}/{appointmentId}", () => jobs.Enqueue<PreOrderPartsJob>(job => job.RunForVisitAsync(appointmentId, CancellationToken.None)));
        return Task.CompletedTask;
    }
}
