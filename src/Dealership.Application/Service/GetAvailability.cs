using Dealership.Application.Common;
using Dealership.Application.Sites;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Service;

/// <summary>Workshop availability at the current site: per day, capacity left and each advisor's free drop-off times.</summary>
public static class GetAvailability
{
    [Allowed(Access.ReadService)]
    public sealed record Query(DateOnly From, DateOnly To, int? LabourMinutes, Guid? AdvisorStaffId) : IQuery<IReadOnlyList<WorkshopDayAvailability>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("'to' is on or after 'from'.");
            RuleFor(q => q).Must(q => q.To.DayNumber - q.From.DayNumber <= 31).WithName("to").WithMessage("Ask for at most 31 days at a time.");
            RuleFor(q => q.LabourMinutes).InclusiveBetween(1, 2400);
        }
    }

    public sealed class Handler(SiteContext siteContext, WorkshopCapacity capacity) : IQueryHandler<Query, IReadOnlyList<WorkshopDayAvailability>>
    {
        public async ValueTask<IReadOnlyList<WorkshopDayAvailability>> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            return await capacity.AvailabilityAsync(site, query.From, query.To, query.LabourMinutes ?? ServiceAppointment.DiagnosisMinutes, query.AdvisorStaffId, null, cancellationToken);
        }
    }
}
