using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;

namespace Dealership.Application.Promises;

public static class KeepPromise
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid PromiseId) : ICommand<PromiseView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, PromiseView>
    {
        public async ValueTask<PromiseView> Handle(Command command, CancellationToken cancellationToken)
        {
            var promise = await PromiseMapping.LoadMineAsync(db, staff, command.PromiseId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            promise.Keep(now, now);
            return promise.ToView();
        }
    }
}
