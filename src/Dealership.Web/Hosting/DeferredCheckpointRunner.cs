using Dealership.Application.Data;

namespace Dealership.Web.Hosting;

/// <summary>
/// Runs the checkpoints of SQLite's log that bulk commits leave to the background (<see cref="DeferredCheckpoints"/>,
/// ADR 0028), one at a time, in every role: every role writes. Stops with the host; a request left waiting then is
/// covered by SQLite's own checkpoint at a later commit, or by its replay of the log at the next start.
/// </summary>
public sealed class DeferredCheckpointRunner(DeferredCheckpoints checkpoints, IServiceScopeFactory scopes, ILogger<DeferredCheckpointRunner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in checkpoints.Requests.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await checkpoints.CheckpointAsync(scope.ServiceProvider.GetRequiredService<DealershipDbContext>(), stoppingToken);
                if (!outcome.CopiedAll)
                {
                    // Readers still on older frames, or another process checkpointing: SQLite's own checkpoint copies the rest later.
                    logger.LogDebug("A deferred checkpoint copied {Copied} of the log's {Frames} frames (busy: {Busy})", outcome.CopiedFrames, outcome.LogFrames, outcome.Busy);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "A deferred checkpoint of the SQLite log failed; SQLite's own checkpoint copies the log at a later commit");
            }
        }
    }
}
