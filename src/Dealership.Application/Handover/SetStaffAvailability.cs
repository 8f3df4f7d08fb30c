using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Handover;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

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
