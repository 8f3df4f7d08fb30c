using Dealership.Application.Common;
using Hangfire;

namespace Dealership.Application.Parts;

/// <summary>The Hangfire job: recurring, and enqueued after a booking or change commits.</summary>
public sealed class PreOrderPartsJob(global::Mediator.IMediator mediator)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new RunPartsPlanning.Command(null), cancellationToken);

    /// <summary>
    /// One visit just booked or moved. Planning every visit for each booking held the write lock for most of a second
    /// at group scale, and bookings queued behind it (issue #14: 34 a second). Stock taken by this visit is taken the
    /// same way as in a full run; two runs that race for one shelf meet the part's version check and the loser retries.
    /// No lock across runs: each is short, and hundreds of bookings a minute would queue their runs behind one lock.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task RunForVisitAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        await mediator.Send(new RunPartsPlanning.Command(appointmentId), cancellationToken);
}

/// <summary>Runs the planner in one transaction (through the pipeline, like any command).</summary>
public static class RunPartsPlanning
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid? AppointmentId) : global::Mediator.ICommand<PlanningReport>;

    public sealed class Handler(PartsPlanner planner) : global::Mediator.ICommandHandler<Command, PlanningReport>
    {
        public async ValueTask<PlanningReport> Handle(Command command, CancellationToken cancellationToken) =>
            await planner.PlanAsync(command.AppointmentId, cancellationToken);
    }
}
