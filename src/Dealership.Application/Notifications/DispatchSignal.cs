using Dealership.Application.Common;
using Dealership.Domain.Notifications;
using Hangfire;

namespace Dealership.Application.Notifications;

/// <summary>
/// Remembers that the current unit of work queued messages, so that after it commits a dispatch job is
/// enqueued at once. If the process dies between commit and enqueue, the minutely sweep sends them anyway.
/// </summary>
public sealed class DispatchSignal(IBackgroundJobClient jobs) : IDomainEventSubscriber<NotificationQueued>
{
    private bool _requested;

    public Task HandleAsync(NotificationQueued domainEvent, CancellationToken cancellationToken)
    {
        _requested = true;
        return Task.CompletedTask;
    }

    /// <summary>Called after commit (never before: the job must find the rows).</summary>
    public void AfterCommit()
    {
        if (!_requested)
        {
            return;
        }

        _requested = false;
        jobs.Enqueue<NotificationDispatcher>(dispatcher => dispatcher.DispatchDueAsync(CancellationToken.None));
    }
}
