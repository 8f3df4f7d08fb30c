using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>
/// The work is done: the car is ready for pickup, the parts fitted leave stock (reserved units issued), the
/// ready-by promise is kept (or recorded as late), and the customer hears with the bill's total.
/// </summary>
public static class MarkVisitReady
{
    [Allowed(Access.Workshop)]
    public sealed record Command(Guid AppointmentId, long? ExpectedVersion) : ICommand<WorkshopVisitView>;

    public sealed class Handler(DealershipDbContext db, WorkshopAccess access, WorkshopViews views, ICurrentStaff staff, TimeProvider clock)
        : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            var fitted = visit.MarkReady(staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            var partIds = fitted.Select(l => l.PartId).Distinct().ToList();
            var parts = await db.Parts.Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var line in fitted)
            {
                parts[line.PartId].Issue(line.Quantity);
            }

            return await views.OneAsync(visit, cancellationToken);
        }
    }
}
