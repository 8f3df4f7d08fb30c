using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>Hangfire's client port, recording which jobs the application enqueues (the test host runs no job server).</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly ConcurrentQueue<string> _enqueued = new();
    private readonly ConcurrentQueue<Job> _jobs = new();

    public IReadOnlyList<string> Enqueued => [.. _enqueued];

    /// <summary>The jobs themselves: which method, with which arguments.</summary>
    public IReadOnlyList<Job> Jobs => [.. _jobs];

    public void Clear()
    {
        _enqueued.Clear();
        _jobs.Clear();
    }

    public string Create(Job job, IState state)
    {
        ArgumentNullException.ThrowIfNull(job);
        _enqueued.Enqueue(job.Type.Name);
        _jobs.Enqueue(job);
        return Guid.NewGuid().ToString();
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
