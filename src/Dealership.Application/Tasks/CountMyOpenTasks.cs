using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Tasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tasks;

/// <summary>Open tasks in the caller's inbox (the same rule as <see cref="ListTasks"/>): the badge in the navigation, one COUNT.</summary>
public static class CountMyOpenTasks
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query : IQuery<int>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, int>
    {
        public async ValueTask<int> Handle(Query query, CancellationToken cancellationToken) =>
            await ListTasks.Inbox(db, staff).CountAsync(t => t.Status == StaffTaskStatus.Open, cancellationToken);
    }
}
