using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Promises;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Promises;

/// <summary>Records a promise made to a customer ("I'll call you back by 5pm"), owned by the caller.</summary>
public static class MakePromise
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid CustomerId, string Description, DateTime DueAt, string? SubjectType, Guid? SubjectId) : ICommand<PromiseView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Description).NotEmpty().MaximumLength(300);
            RuleFor(c => c.DueAt).GreaterThan(_ => clock.GetUtcNow().UtcDateTime).WithMessage("A promise is due in the future.");
            RuleFor(c => c.SubjectType).MaximumLength(30);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, PromiseView>
    {
        public async ValueTask<PromiseView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", command.CustomerId);
            }

            var promise = new CustomerPromise(staff.SiteId, command.CustomerId, staff.RequireStaffId(), command.Description,
                DateTime.SpecifyKind(command.DueAt.ToUniversalTime(), DateTimeKind.Utc), PromiseKind.Manual, command.SubjectType, command.SubjectId, null,
                clock.GetUtcNow().UtcDateTime);
            db.Promises.Add(promise);
            return promise.ToView();
        }
    }
}
