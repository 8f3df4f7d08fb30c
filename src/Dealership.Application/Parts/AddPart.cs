using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Application.Sites;
using Dealership.Domain.Common;
using Dealership.Domain.Parts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>Adds a part to the current site's stock list.</summary>
public static class AddPart
{
    [Allowed(Access.WriteParts)]
    public sealed record Command(string PartNumber, string Description, int OnHand, MoneyView SellPrice) : ICommand<PartView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PartNumber).NotEmpty().MaximumLength(40);
            RuleFor(c => c.Description).NotEmpty().MaximumLength(200);
            RuleFor(c => c.OnHand).GreaterThanOrEqualTo(0).WithMessage("Stock on hand cannot be negative.");
            RuleFor(c => c.SellPrice).NotNull();
            RuleFor(c => c.SellPrice.Amount).GreaterThanOrEqualTo(0).When(c => c.SellPrice is not null).WithMessage("The sell price is in cents, zero or more.");
        }
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext) : ICommandHandler<Command, PartView>
    {
        public async ValueTask<PartView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            if (command.SellPrice.Currency != site.Currency)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("sellPrice", $"Prices at {site.Name} are in {site.Currency}.")]);
            }

            var part = new Part(site.Id, command.PartNumber, command.Description, command.OnHand, command.SellPrice.ToMoney());
            if (await db.Parts.AnyAsync(p => p.SiteId == site.Id && p.PartNumber == part.PartNumber, cancellationToken))
            {
                throw new DomainRuleException($"{part.PartNumber} is already on {site.Name}'s stock list.", "duplicate-part");
            }

            db.Parts.Add(part);
            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}
