using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>Adds an operation to the group's catalogue.</summary>
public static class AddOperation
{
    public sealed record PartQuantity(string PartNumber, int Quantity);

    [Allowed(Access.ManageSite)]
    public sealed record Command(string Code, string Description, int LabourMinutes, IReadOnlyList<PartQuantity>? Parts) : ICommand<OperationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(20).Matches("^[A-Za-z0-9-]+$").WithMessage("Codes are letters, digits and dashes, up to 20.");
            RuleFor(c => c.Description).NotEmpty().MaximumLength(200);
            RuleFor(c => c.LabourMinutes).InclusiveBetween(6, 2400).WithMessage("Labour time is 6 to 2400 minutes.");
            RuleForEach(c => c.Parts).ChildRules(p =>
            {
                p.RuleFor(x => x.PartNumber).NotEmpty().MaximumLength(40);
                p.RuleFor(x => x.Quantity).InclusiveBetween(1, 100);
            });
        }
    }

    public sealed class Handler(DealershipDbContext db) : ICommandHandler<Command, OperationView>
    {
        public async ValueTask<OperationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var operation = new ServiceOperation(command.Code, command.Description, command.LabourMinutes, (command.Parts ?? []).Select(p => (p.PartNumber, p.Quantity)));
            if (await db.ServiceOperations.AnyAsync(o => o.Code == operation.Code, cancellationToken))
            {
                throw new DomainRuleException($"Operation {operation.Code} already exists.", "duplicate-code");
            }

            db.ServiceOperations.Add(operation);
            return OperationView.From(operation);
        }
    }
}
