using Dealership.Application.Common;
using Hangfire;

namespace Dealership.Application.Parts;

/// <summary>
/// Remembers that the unit of work booked or moved appointments, so that after commit the planner runs for
/// them at once. If the process dies first, the recurring run plans them anyway.
/// </summary>
public sealed class PartsPlanningSignal(IBackgroundJobClient jobs) :
    IDomainEventSubscriber<Domain.Service.AppointmentBooked>,
    IDomainEventSubscriber<Domain.Service.AppointmentRescheduled>
{
    private bool _requested;

    public Task HandleAsync(Domain.Service.AppointmentBooked domainEvent, CancellationToken cancellationToken) => Request();

    public Task HandleAsync(Domain.Service.AppointmentRescheduled domainEvent, CancellationToken cancellationToken) => Request();

    public void AfterCommit()
    {
        if (!_requested)
        {
            return;
        }

        _requested = false;
        jobs.Enqueue<PreOrderPartsJob>(job => job.RunAsync(CancellationToken.None));
    }

    private Task Request()
    {
        _requested = true;
        return Task.CompletedTask;
    }
}
