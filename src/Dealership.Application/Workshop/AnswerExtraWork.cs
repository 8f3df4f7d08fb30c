using Dealership.Application.Common;
using Dealership.Domain.Handover;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Workshop;

/// <summary>
/// Staff record the customer's stated answer on one proposed item (how they told us: phone, in person, text or
/// email); the customer's own answer comes from their page (<see cref="Tracking.AnswerMyExtraWork"/>). Approving
/// reserves or orders its parts in the same step.
/// </summary>
public static class RecordExtraWorkAnswer
{
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, Guid WorkId, bool Approved, ChoiceChannel ToldUsBy, long? ExpectedVersion) : ICommand<WorkshopVisitView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.ToldUsBy).IsInEnum().NotEqual(ChoiceChannel.TrackingPage)
                .WithMessage("Say how the customer told you: phone, inPerson, text or email (their page records its own answers).");
    }

    public sealed class Handler(WorkshopAccess access, WorkshopParts parts, WorkshopViews views, ICurrentStaff staff, TimeProvider clock)
        : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            if (visit.ExtraWork.All(w => w.Id != command.WorkId))
            {
                throw new NotFoundException("Proposed work", command.WorkId);
            }

            visit.AnswerExtraWork(command.WorkId, command.Approved, command.ToldUsBy, staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            if (command.Approved)
            {
                await parts.ReserveOrOrderAsync(visit, command.WorkId, cancellationToken);
            }

            return await views.OneAsync(visit, cancellationToken);
        }
    }
}
