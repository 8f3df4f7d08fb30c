using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tasks;

/// <summary>
/// Hands a conversation to a colleague who works at the task's site (or back to the site's team queue, which
/// its managers see). Only the owner or a manager of the site may; anyone else's task is not found.
/// </summary>
public static class ReassignTask
{
    /// <param name="ToStaffId">The colleague who owns it from now on; null puts it in the site's team queue.</param>
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid TaskId, Guid? ToStaffId) : ICommand<TaskView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, TaskView>
    {
        public async ValueTask<TaskView> Handle(Command command, CancellationToken cancellationToken)
        {
            var task = await ListTasks.Closable(db, staff).FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken)
                ?? throw new NotFoundException("Task", command.TaskId);
            if (command.ToStaffId is { } to &&
                !await db.Users.AnyAsync(u => u.Id == to && u.IsActive && u.Sites.Any(s => s.SiteId == task.SiteId), cancellationToken))
            {
                throw new DomainRuleException("That person does not work at this task's site (or is no longer active). Choose a colleague from the list.", "not-at-site");
            }

            task.Reassign(command.ToStaffId, staff.RequireStaffId(), ListTasks.ManagesSite(staff, task));
            return ListTasks.ToView(task);
        }
    }
}
