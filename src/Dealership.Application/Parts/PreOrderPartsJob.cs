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
