using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>Says that a supplier carries a part, with its lead time (working days) and unit cost.</summary>
public static class SetPartSupplier
{
    [Allowed(Access.WriteParts)]
    public sealed record Command(Guid PartId, Guid SupplierId, int LeadTimeWorkingDays, MoneyView Cost) : ICommand<PartView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LeadTimeWorkingDays).InclusiveBetween(0, 120).WithMessage("Lead time is 0 to 120 working days.");
            RuleFor(c => c.Cost).NotNull();
            RuleFor(c => c.Cost.Amount).GreaterThan(0).When(c => c.Cost is not null).WithMessage("The cost is in cents and more than zero.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, PartView>
    {
        public async ValueTask<PartView> Handle(Command command, CancellationToken cancellationToken)
        {
            var part = await PartsAccess.LoadAsync(db, staff, command.PartId, null, cancellationToken);
            if (!await db.Suppliers.AnyAsync(s => s.Id == command.SupplierId, cancellationToken))
            {
                throw new NotFoundException("Supplier", command.SupplierId);
            }

            part.SetSupplier(command.SupplierId, command.LeadTimeWorkingDays, command.Cost.ToMoney());
            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}
