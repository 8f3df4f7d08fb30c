using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Parts;

/// <summary>
/// Changes a supplier's order address and its approval rule. Switching to auto-send releases the drafts
/// already waiting for it (the planner sends them straight after the commit), so no path keeps the old rule.
/// </summary>
public static class ChangeSupplierTerms
{
    [Allowed(Access.WriteParts)]
    public sealed record Command(Guid SupplierId, string OrderEmail, bool AutoSend, long? ExpectedVersion) : ICommand<SupplierView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.OrderEmail).NotEmpty().EmailAddress().MaximumLength(254).WithMessage("Give the address the supplier takes orders at.");
    }

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, SupplierView>
    {
        public async ValueTask<SupplierView> Handle(Command command, CancellationToken cancellationToken)
        {
            // Suppliers serve the whole group.
            var supplier = await db.Suppliers.ForChangeAsync(command.SupplierId, command.ExpectedVersion, "Supplier", cancellationToken);

            supplier.ChangeTerms(command.OrderEmail, command.AutoSend, clock.GetUtcNow().UtcDateTime);
            return supplier.ToView();
        }
    }
}
