using Dealership.Application.Common;
using Dealership.Application.TradeIns;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Workshop;

/// <summary>A photo of an inspection finding (up to four each): checked for what it is and its size, stored under a name the system chose.</summary>
public static class AddInspectionPhoto
{
    [Allowed(Access.Workshop)]
    public sealed record Command(Guid AppointmentId, int FindingNumber, byte[] Content) : ICommand<WorkshopVisitView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Content).Cascade(CascadeMode.Stop).MustBeAPhoto();
    }

    public sealed class Handler(WorkshopAccess access, WorkshopViews views, IPhotoStore photos, TimeProvider clock) : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, null, cancellationToken);
            if (visit.Inspection.All(f => f.Number != command.FindingNumber))
            {
                throw new NotFoundException("Inspection item", command.FindingNumber);
            }

            var (contentType, extension) = PhotoRules.Recognise(command.Content)!.Value;
            var storedName = $"visits/{visit.Id:N}/{Guid.NewGuid():N}.{extension}";
            visit.AddPhoto(command.FindingNumber, contentType, command.Content.Length, storedName, clock.GetUtcNow().UtcDateTime);
            // Written before the commit: a failed commit leaves an unreferenced file, never a row without its file.
            await photos.SaveAsync(storedName, command.Content, cancellationToken);
            return await views.OneAsync(visit, cancellationToken);
        }
    }
}

/// <summary>An inspection photo for staff who may reach the visit's site (the customer's own page has its own door).</summary>
public static class GetInspectionPhoto
{
    [Allowed(Access.Workshop)]
    public sealed record Query(Guid AppointmentId, Guid PhotoId) : IQuery<PhotoFile>;

    public sealed class Handler(WorkshopAccess access, IPhotoStore photos) : IQueryHandler<Query, PhotoFile>
    {
        public async ValueTask<PhotoFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var visit = await access.ReadAsync(query.AppointmentId, cancellationToken);
            var photo = visit.Photos.FirstOrDefault(p => p.Id == query.PhotoId) ?? throw new NotFoundException("Photo", query.PhotoId);
            var content = await photos.ReadAsync(photo.StoredName, cancellationToken) ?? throw new NotFoundException("Photo", query.PhotoId);
            return new PhotoFile(photo.ContentType, content);
        }
    }
}
