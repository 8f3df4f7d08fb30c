using Dealership.Application.Common;
using Mediator;

namespace Dealership.Application.Workshop;

/// <summary>A technician (or the advisor) starts on a checked-in car: the customer hears their car is being worked on.</summary>
public static class StartWork
{
    [Allowed(Access.Workshop)]
    public sealed record Command(Guid AppointmentId, long? ExpectedVersion) : ICommand<WorkshopVisitView>;

    public sealed class Handler(WorkshopAccess access, WorkshopViews views, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            visit.StartWork(staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return await views.OneAsync(visit, cancellationToken);
        }
    }
}

/// <summary>A technician starts an approved extra item; anything the customer has not approved is refused.</summary>
public static class StartExtraWork
{
    [Allowed(Access.Workshop)]
    public sealed record Command(Guid AppointmentId, Guid WorkId, long? ExpectedVersion) : ICommand<WorkshopVisitView>;

    public sealed class Handler(WorkshopAccess access, WorkshopViews views, TimeProvider clock) : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            if (visit.ExtraWork.All(w => w.Id != command.WorkId))
            {
                throw new NotFoundException("Proposed work", command.WorkId);
            }

            visit.StartExtraWork(command.WorkId, clock.GetUtcNow().UtcDateTime);
            return await views.OneAsync(visit, cancellationToken);
        }
    }
}
