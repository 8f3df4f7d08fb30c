using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Dealership.Application.Staff;

/// <summary>One person's account as a manager at one of their sites sees it (for the edit form and the API).</summary>
public static class GetStaffMember
{
    [Allowed(Access.ManageSite)]
    public sealed record Query(Guid StaffId) : IQuery<StaffView>;

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, ICurrentStaff staff) : IQueryHandler<Query, StaffView>
    {
        public async ValueTask<StaffView> Handle(Query query, CancellationToken cancellationToken) =>
            await StaffAccounts.ViewAsync(users, await StaffAccounts.ForChangeAsync(db, staff, query.StaffId, expectedVersion: null, cancellationToken));
    }
}
