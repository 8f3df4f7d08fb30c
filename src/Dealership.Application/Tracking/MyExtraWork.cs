using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.TradeIns;
using Dealership.Application.Workshop;
using Dealership.Domain.Handover;
using Dealership.Domain.Service;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer approves or declines one proposed item on their page; approving reserves or orders its parts at once.</summary>
public static class AnswerMyExtraWork
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid AppointmentId, Guid WorkId, bool Approve) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, WorkshopParts parts, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var visit = await db.Appointments.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == command.AppointmentId && a.CustomerId == customerId, cancellationToken);
            if (visit is null || visit.ExtraWork.All(w => w.Id != command.WorkId))
            {
                throw new NotFoundException("This link is not valid.");
            }

            visit.AnswerExtraWork(command.WorkId, command.Approve, ChoiceChannel.TrackingPage, recordedBy: null, now);
            if (command.Approve)
            {
                await parts.ReserveOrOrderAsync(visit, command.WorkId, cancellationToken);
            }

            return true;
        }
    }
}

/// <summary>The customer's page showed the proposals waiting for them: the advisor sees they were seen.</summary>
public static class RecordProposalsViewed
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid AppointmentId) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var visit = await db.Appointments.AsSplitQuery()
                .FirstOrDefaultAsync(a => a.Id == command.AppointmentId && a.CustomerId == customerId && a.Status == AppointmentStatus.InProgress, cancellationToken);
            return visit?.RecordProposalsViewed(now) ?? false;
        }
    }
}

/// <summary>An inspection photo of the customer's own visit, through their link; any other id is "not found".</summary>
public static class GetMyInspectionPhoto
{
    [Allowed(Access.CustomerLink)]
    public sealed record Query(string Token, Guid AppointmentId, Guid PhotoId) : IQuery<PhotoFile>;

    public sealed class Handler(DealershipDbContext db, IPhotoStore photos, TimeProvider clock) : IQueryHandler<Query, PhotoFile>
    {
        public async ValueTask<PhotoFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, query.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var photo = await db.Appointments.AsNoTracking().Where(a => a.Id == query.AppointmentId && a.CustomerId == customerId)
                .SelectMany(a => a.Photos).FirstOrDefaultAsync(p => p.Id == query.PhotoId, cancellationToken)
                ?? throw new NotFoundException("Photo", query.PhotoId);
            var content = await photos.ReadAsync(photo.StoredName, cancellationToken) ?? throw new NotFoundException("Photo", query.PhotoId);
            return new PhotoFile(photo.ContentType, content);
        }
    }
}
