using System.Collections.Concurrent;
using System.Linq.Expressions;
using Hangfire;
using Hangfire.States;

namespace Dealership.Application.Common;

/// <summary>
/// Enqueues a sweep job (the dispatcher, the staff-text sender, a whole parts-planning run) after a commit unless the run
/// of it this process enqueued last is still waiting
/// to start: that run will read the rows just committed, because it reads when it starts. Under load every write used
/// to enqueue its own run, and hundreds of runs a second queued behind each other, each finding the last one's work
/// done (issue #14: a quarter of the process's CPU went on job bookkeeping while recording milestones).
/// </summary>
/// <remarks>
/// "Waiting" is read from the job storage, which every node shares, not remembered in this process: a run that another
/// node's worker has started no longer counts, so a commit after that start always enqueues a run of its own.
/// </remarks>
public sealed class CoalescedJobs(IBackgroundJobClient jobs, JobStorage storage)
{
    private readonly ConcurrentDictionary<string, string> _lastEnqueued = new(StringComparer.Ordinal);

    public void Enqueue<T>(Expression<Func<T, Task>> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        // One waiting run per job method: the dispatcher's sweep and the planner's whole run never stand in for each other.
        var name = job.Body is MethodCallExpression call ? $"{typeof(T).FullName}.{call.Method.Name}" : typeof(T).FullName!;
        if (_lastEnqueued.TryGetValue(name, out var id) && StillWaiting(id))
        {
            return;
        }

        // Two commits racing here may both enqueue: one run too many, never one too few.
        _lastEnqueued[name] = jobs.Enqueue(job);
    }

    private bool StillWaiting(string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(id)?.Name == EnqueuedState.StateName;
    }
}
