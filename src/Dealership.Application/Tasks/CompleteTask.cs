using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tasks;

/// <summary>Marks a task done: the caller's own, or any at a site they manage. Someone else's task is not found (404), never revealed.</summary>
public static class CompleteTask
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid TaskId) : ICommand<TaskView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, TaskView>
    {
        public async ValueTask<TaskView> Handle(Command command, CancellationToken cancellationToken)
        {
            var task = await ListTasks.Closable(db, staff).FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken)
                ?? throw new NotFoundException("Task", command.TaskId);

            task.Complete(staff.RequireStaffId(), ListTasks.ManagesSite(staff, task), clock.GetUtcNow().UtcDateTime);
            return ListTasks.ToView(task);
        }
    }
}
