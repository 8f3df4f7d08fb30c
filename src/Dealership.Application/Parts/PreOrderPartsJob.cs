using Dealership.Application.Common;
using Hangfire;

namespace Dealership.Application.Parts;

/// <summary>
/// The Hangfire job: the whole run (recurring, at start, and when a supplier switches to auto-send), and one visit's
/// run after it is booked or moved. Both take the same lock, so runs never overlap: on SQLite the write lock would
/// serialise them anyway, but on a server database two runs could each open a draft for the same supplier, or race
/// over the same open drafts until one gave up.
/// </summary>
public sealed class PreOrderPartsJob(global::Mediator.IMediator mediator, JobStorage storage, Jobs.RefreshQueryStatistics statistics)
{
    private const string Lock = "parts-planning";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    [AutomaticRetry(Attempts = 3)]
    [Jobs.GivesMemoryBack]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await PlanAsync(null, cancellationToken);
        // A whole run may add thousands of at-risk tasks and messages: re-measured now for the query planner, as after
        // the watchdog, not at the next quarter hour (one visit's run adds a handful).
        await statistics.RunAsync(cancellationToken);
    }

    /// <summary>
    /// One visit just booked or moved. Planning every visit for each booking held the write lock for most of a second
    /// at group scale, and bookings queued behind it (issue #14: 34 a second).
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    public Task RunForVisitAsync(Guid appointmentId, CancellationToken cancellationToken) => PlanAsync(appointmentId, cancellationToken);

    private async Task PlanAsync(Guid? appointmentId, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock(Lock, LockTimeout))
        {
            await mediator.Send(new RunPartsPlanning.Command(appointmentId), cancellationToken);
        }
    }
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
