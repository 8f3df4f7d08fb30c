using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Journey;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Journey;

/// <summary>
/// A call or a walk-in that happened outside the system, logged by the person who had it, so the customer's one
/// timeline holds every touchpoint (who reached whom, about what) and a chasing call is counted as one.
/// </summary>
public static class LogContact
{
    public enum ContactKind
    {
        Call,
        Visit,
    }

    /// <param name="FromCustomer">True when the customer called or came in; false when we called them.</param>
    [Allowed(Access.EditCustomers)]
    public sealed record Command(Guid CustomerId, ContactKind Kind, bool FromCustomer, string Summary) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum().WithMessage("Say whether it was a call or a visit.");
            RuleFor(c => c.Summary).NotEmpty().WithMessage("Write what it was about: it goes on the customer's timeline.").MaximumLength(500);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == command.CustomerId).Select(c => new { c.Id, c.RegisteredAtSiteId }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Customer", command.CustomerId);
            var what = (command.Kind, command.FromCustomer) switch
            {
                (ContactKind.Call, true) => "Called us",
                (ContactKind.Call, false) => "We called",
                (ContactKind.Visit, true) => "Came in",
                _ => "Met with us",
            };
            var touchpoint = new Touchpoint(customer.Id, customer.RegisteredAtSiteId, clock.GetUtcNow().UtcDateTime,
                command.Kind == ContactKind.Call ? TouchpointKind.Call : TouchpointKind.Visit,
                command.FromCustomer ? TouchpointDirection.Inbound : TouchpointDirection.Outbound,
                command.FromCustomer ? TouchpointActor.Customer : TouchpointActor.Dealer,
                proactive: !command.FromCustomer, $"{what}: {command.Summary.Trim()}", staff.RequireStaffId());
            db.Touchpoints.Add(touchpoint);
            return touchpoint.Id;
        }
    }
}
