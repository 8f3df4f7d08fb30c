using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Notifications;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications.Templates;

/// <summary>
/// A manager saves the current site's own text for a message. It must parse and use only the message's facts
/// (refused with the line otherwise); it becomes the next version, and messages rendered from now on use it.
/// ExpectedVersion is the version the editor started from: someone else's save in between is a 412.
/// </summary>
public static class SaveTemplate
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(string Key, MessageChannel Channel, string Language, string? Subject, string Body, string? Note, long? ExpectedVersion)
        : ICommand<TemplateDetail>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotEmpty().WithMessage("Write the message.").MaximumLength(4000);
            RuleFor(c => c.Subject).NotEmpty().When(c => c.Channel == MessageChannel.Email).WithMessage("An email needs a subject.").MaximumLength(4000);
            RuleFor(c => c.Note).MaximumLength(500);
        }
    }

    public sealed class Handler(DealershipDbContext db, UnitOfWork unit, SiteContext siteContext, ICurrentStaff staff, IMediator mediator, TimeProvider clock)
        : ICommandHandler<Command, TemplateDetail>
    {
        public async ValueTask<TemplateDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            TemplatePreviews.Require(command.Key, command.Channel, command.Language);
            var source = new TemplateSource(command.Channel == MessageChannel.Email ? command.Subject : null, command.Body.Replace("\r\n", "\n", StringComparison.Ordinal));
            var problems = MessageRenderer.Shared.Check(command.Key, command.Channel, source);
            if (problems.Count > 0)
            {
                throw new ValidationException(problems.Select(p => new ValidationFailure(p.Part, p.Message)));
            }

            var site = await siteContext.GetAsync(cancellationToken);
            await TemplateHistory.AppendAsync(db, unit, site.Id, command.Key, command.Channel, command.Language, source.Subject, source.Body,
                command.Note ?? "", command.ExpectedVersion, staff.StaffId, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return await mediator.Send(new GetTemplate.Query(command.Key, command.Channel, command.Language), cancellationToken);
        }
    }
}

/// <summary>Appends a version after checking the editor's starting point is still the newest.</summary>
internal static class TemplateHistory
{
    public static async Task<TemplateVersion> AppendAsync(DealershipDbContext db, UnitOfWork unit, Guid siteId, string key, MessageChannel channel, string language, string? subject,
        string? body, string note, long? expectedVersion, Guid? by, DateTime now, CancellationToken ct)
    {
        var newest = await db.TemplateVersions.Where(v => v.SiteId == siteId && v.Key == key && v.Channel == channel && v.Language == language)
            .MaxAsync(v => (int?)v.Number, ct) ?? 0;
        if (expectedVersion is { } expected && expected != newest)
        {
            throw new PreconditionFailedException("This template", expected, newest);
        }

        var version = new TemplateVersion(siteId, key, channel, language, newest + 1, subject, body, note, by, now);
        db.TemplateVersions.Add(version);
        // Written inside the unit (committed by its owner) so the detail read straight after shows it; a second
        // editor racing for the same number meets the unique index (409), never a silent overwrite.
        await unit.SaveAsync(ct);
        return version;
    }
}
