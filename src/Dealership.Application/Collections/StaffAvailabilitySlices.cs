using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Collections;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Collections;

public sealed record AvailabilityView(Guid StaffId, IReadOnlyList<WorkingHours> Hours, IReadOnlyList<BlockedTime> Blocked);

/// <summary>A staff member's working hours and blocked time (collections are only offered when the owner is there).</summary>
public static class GetStaffAvailability
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid StaffId) : IQuery<AvailabilityView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, AvailabilityView>
    {
        public async ValueTask<AvailabilityView> Handle(Query query, CancellationToken cancellationToken)
        {
            await StaffAvailabilityAccess.EnsureAsync(db, staff, query.StaffId, cancellationToken);
            var availability = await db.StaffAvailability.AsNoTracking().FirstOrDefaultAsync(a => a.StaffId == query.StaffId, cancellationToken);
            return new AvailabilityView(query.StaffId, availability?.Hours ?? [], availability?.Blocked ?? []);
        }
    }
}

/// <summary>Replaces working hours (per weekday, site-local) and blocked periods (UTC). No hours at all means "any opening hour".</summary>
public static class SetStaffAvailability
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid StaffId, IReadOnlyList<WorkingHours> Hours, IReadOnlyList<BlockedTime> Blocked) : ICommand<AvailabilityView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Hours).NotNull();
            RuleFor(c => c.Blocked).NotNull();
            RuleForEach(c => c.Hours).Must(h => h.Ends > h.Starts).WithMessage("Each working period must end after it starts.");
            RuleForEach(c => c.Blocked).Must(b => b.Until > b.From).WithMessage("Each blocked period must end after it starts.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, AvailabilityView>
    {
        public async ValueTask<AvailabilityView> Handle(Command command, CancellationToken cancellationToken)
        {
            await StaffAvailabilityAccess.EnsureAsync(db, staff, command.StaffId, cancellationToken);
            var availability = await db.StaffAvailability.FirstOrDefaultAsync(a => a.StaffId == command.StaffId, cancellationToken);
            if (availability is null)
            {
                availability = new StaffAvailability(command.StaffId);
                db.StaffAvailability.Add(availability);
            }

            availability.Replace(command.Hours, command.Blocked.Select(b => b with
            {
                From = DateTime.SpecifyKind(b.From.ToUniversalTime(), DateTimeKind.Utc),
                Until = DateTime.SpecifyKind(b.Until.ToUniversalTime(), DateTimeKind.Utc),
            }));
            return new AvailabilityView(command.StaffId, availability.Hours, availability.Blocked);
        }
    }
}

internal static class StaffAvailabilityAccess
{
    /// <summary>Your own calendar, or (managers) the calendar of someone at one of your sites; anyone else is not found.</summary>
    public static async Task EnsureAsync(DealershipDbContext db, ICurrentStaff staff, Guid staffId, CancellationToken ct)
    {
        if (staffId == staff.StaffId)
        {
            return;
        }

        var sites = staff.SiteIds.ToList();
        var visible = staff.IsInRole(StaffRoles.Manager) && await db.StaffSites.AnyAsync(s => s.StaffUserId == staffId && sites.Contains(s.SiteId), ct);
        if (!visible)
        {
            throw new NotFoundException("Staff member", staffId);
        }
    }
}
