using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>
/// The advisor moves the promised ready time, with the reason: the customer is told at once, and the old
/// promise is renegotiated (moved before it fell due) or broken (after), in the ledger.
/// </summary>
public static class MoveReadyTime
{
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, DateTime ReadyAt, string Reason, long? ExpectedVersion) : ICommand<WorkshopVisitView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the car needs longer: the customer is told.").MaximumLength(300);
    }

    public sealed class Handler(DealershipDbContext db, WorkshopAccess access, WorkshopViews views, TimeProvider clock) : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            var readyAt = Instants.AsUtc(command.ReadyAt);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == visit.SiteId, cancellationToken);
            // A promise the customer can act on: a time they could come and collect.
            if (!site.IsOpenAt(readyAt))
            {
                throw new DomainRuleException($"{site.Name} is closed at that time: promise a time the customer can come and collect.", "closed");
            }

            visit.MoveReadyTime(readyAt, command.Reason, clock.GetUtcNow().UtcDateTime);
            return await views.OneAsync(visit, cancellationToken);
        }
    }
}
