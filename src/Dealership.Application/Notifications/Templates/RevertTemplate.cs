using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications.Templates;

/// <summary>
/// Goes back to an earlier version (ToVersion) or to the product's default (null). History is
/// never rewritten: the old text is saved again as the newest version, with a note saying where it came from.
/// </summary>
public static class RevertTemplate
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(string Key, MessageChannel Channel, string Language, int? ToVersion, long? ExpectedVersion) : ICommand<TemplateDetail>;

    public sealed class Handler(DealershipDbContext db, UnitOfWork unit, SiteContext siteContext, ICurrentStaff staff, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, TemplateDetail>
    {
        public async ValueTask<TemplateDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            TemplatePreviews.Require(command.Key, command.Channel, command.Language);
            var site = await siteContext.GetAsync(cancellationToken);
            string? subject = null;
            string? body = null;
            if (command.ToVersion is { } number)
            {
                var old = await db.TemplateVersions.AsNoTracking()
                    .FirstOrDefaultAsync(v => v.SiteId == site.Id && v.Key == command.Key && v.Channel == command.Channel && v.Language == command.Language && v.Number == number, cancellationToken)
                    ?? throw new NotFoundException("Template version", number);
                (subject, body) = (old.Subject, old.Body);
                // An old version may name facts that no longer exist: it comes back only if it still passes today's checks.
                if (body is not null && MessageRenderer.Shared.Check(command.Key, command.Channel, new TemplateSource(subject, body)) is { Count: > 0 } problems)
                {
                    throw new FluentValidation.ValidationException(problems.Select(p => new FluentValidation.Results.ValidationFailure(p.Part,
                        $"Version {number} cannot be used again as it is: {p.Message}")));
                }
            }

            var note = command.ToVersion is { } n ? $"Back to version {n}" : "Back to the product's default";
            await TemplateHistory.AppendAsync(db, unit, site.Id, command.Key, command.Channel, command.Language, subject, body, note, command.ExpectedVersion,
                staff.StaffId, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return await mediator.Send(new GetTemplate.Query(command.Key, command.Channel, command.Language), cancellationToken);
        }
    }
}
