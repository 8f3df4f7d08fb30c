using Hangfire.Common;
using Hangfire.Server;

namespace Dealership.Application.Jobs;

/// <summary>
/// For a job that reads thousands of rows in one run (parts planning over every upcoming visit, the watchdog over
/// every active order): if the process allocated more than <see cref="ThresholdBytes"/> while it ran, a full,
/// compacting collection afterwards gives the memory back to the operating system. Without it the run's garbage sat in
/// the oldest generation until some later full collection, and the process kept about 120 MB more than it needed from the
/// start-up catch-up on (issue #14: resident memory, ADR 0026). One blocking collection of a live heap of about
/// 30 MB costs milliseconds, once per run of such a job.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GivesMemoryBackAttribute : JobFilterAttribute, IServerFilter
{
    public const long ThresholdBytes = 64L * 1024 * 1024;

    private const string AllocatedBefore = "allocated-before";

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[AllocatedBefore] = GC.GetTotalAllocatedBytes();
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(AllocatedBefore, out var before) && before is long bytes && GC.GetTotalAllocatedBytes() - bytes > ThresholdBytes)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
