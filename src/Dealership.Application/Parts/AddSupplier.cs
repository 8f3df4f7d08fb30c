using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Parts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>Adds a supplier of the group with the address it takes orders at; auto-send lets the job email it without approval.</summary>
public static class AddSupplier
{
    [Allowed(Access.WriteParts)]
    public sealed record Command(string Name, string OrderEmail, bool AutoSend) : ICommand<SupplierView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(120);
            RuleFor(c => c.OrderEmail).NotEmpty().EmailAddress().MaximumLength(254).WithMessage("Give the address the supplier takes orders at.");
        }
    }

    public sealed class Handler(DealershipDbContext db) : ICommandHandler<Command, SupplierView>
    {
        public async ValueTask<SupplierView> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name.Trim();
            if (await db.Suppliers.AnyAsync(s => s.Name == name, cancellationToken))
            {
                throw new DomainRuleException($"{name} is already a supplier.", "duplicate-supplier");
            }

            var supplier = new Supplier(name, command.OrderEmail, command.AutoSend);
            db.Suppliers.Add(supplier);
            return supplier.ToView();
        }
    }
}
