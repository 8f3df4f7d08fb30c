using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Promises;

public static class WithdrawPromise
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid PromiseId, string Reason) : ICommand<PromiseView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, PromiseView>
    {
        public async ValueTask<PromiseView> Handle(Command command, CancellationToken cancellationToken)
        {
            var promise = await PromiseMapping.LoadMineAsync(db, staff, command.PromiseId, cancellationToken);
            promise.Withdraw(command.Reason, clock.GetUtcNow().UtcDateTime);
            return promise.ToView();
        }
    }
}
