using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tasks;

/// <summary>Marks a task in the caller's inbox done. Someone else's task is not found (404), never revealed.</summary>
public static class CompleteTask
{
    public sealed record Command(Guid TaskId) : ICommand<TaskView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, TaskView>
    {
        public async ValueTask<TaskView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visible = await ListTasks.Inbox(db, staff).AnyAsync(t => t.Id == command.TaskId, cancellationToken);
            var task = visible ? await db.Tasks.FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken) : null;
            if (task is null)
            {
                throw new NotFoundException("Task", command.TaskId);
            }

            task.Complete(staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return ListTasks.ToView(task);
        }
    }
}
