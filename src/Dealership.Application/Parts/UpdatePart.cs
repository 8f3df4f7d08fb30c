using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Parts;

/// <summary>Corrects a part's description and price, or records a stock count (never below what is reserved).</summary>
public static class UpdatePart
{
    [Allowed(Access.WriteParts)]
    public sealed record Command(Guid PartId, string Description, MoneyView SellPrice, int? OnHand, long? ExpectedVersion) : ICommand<PartView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Description).NotEmpty().MaximumLength(200);
            RuleFor(c => c.SellPrice).NotNull();
            RuleFor(c => c.SellPrice.Amount).GreaterThanOrEqualTo(0).When(c => c.SellPrice is not null);
            RuleFor(c => c.OnHand).GreaterThanOrEqualTo(0).WithMessage("Stock on hand cannot be negative.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, PartView>
    {
        public async ValueTask<PartView> Handle(Command command, CancellationToken cancellationToken)
        {
            var part = await PartsAccess.LoadAsync(db, staff, command.PartId, command.ExpectedVersion, cancellationToken);
            part.Update(command.Description, command.SellPrice.ToMoney());
            if (command.OnHand is { } onHand && onHand != part.OnHand)
            {
                part.CountStock(onHand);
            }

            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}
