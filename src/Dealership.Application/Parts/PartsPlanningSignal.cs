using Dealership.Application.Common;
using Hangfire;

namespace Dealership.Application.Parts;

/// <summary>
/// A booked or moved visit (or a supplier switched to auto-send, whose drafts the planner releases) asks the unit of work to run the planner for it as soon as the change commits.
/// If the process dies first, the recurring run plans it anyway.
/// </summary>
public sealed class PartsPlanningSignal(UnitOfWork unit, IBackgroundJobClient jobs) :
    IDomainEventSubscriber<Domain.Service.AppointmentBooked>,
    IDomainEventSubscriber<Domain.Service.AppointmentRescheduled>,
    IDomainEventSubscriber<Domain.Parts.SupplierNowAutoSends>
{
    public Task HandleAsync(Domain.Parts.SupplierNowAutoSends domainEvent, CancellationToken cancellationToken) => Request();

    public Task HandleAsync(Domain.Service.AppointmentBooked domainEvent, CancellationToken cancellationToken) => Request();

    public Task HandleAsync(Domain.Service.AppointmentRescheduled domainEvent, CancellationToken cancellationToken) => Request();

    private Task Request()
    {
        unit.AfterCommit(nameof(PreOrderPartsJob), () => jobs.Enqueue<PreOrderPartsJob>(job => job.RunAsync(CancellationToken.None)));
        return Task.CompletedTask;
    }
}
