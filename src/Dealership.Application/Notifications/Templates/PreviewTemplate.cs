using Dealership.Application.Common;
using Dealership.Domain.Notifications;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Notifications.Templates;

/// <summary>Renders a draft with the sample facts without saving it: problems (with their lines) or the message and its cost.</summary>
public static class PreviewTemplate
{
    [Allowed(Access.ManageSite)]
    public sealed record Query(string Key, MessageChannel Channel, string Language, string? Subject, string Body) : IQuery<TemplatePreview>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Body).MaximumLength(4000);
            RuleFor(q => q.Subject).MaximumLength(4000);
        }
    }

    public sealed class Handler : IQueryHandler<Query, TemplatePreview>
    {
        public ValueTask<TemplatePreview> Handle(Query query, CancellationToken cancellationToken)
        {
            TemplatePreviews.Require(query.Key, query.Channel, query.Language);
            return ValueTask.FromResult(TemplatePreviews.Of(query.Key, query.Channel, query.Language, new TemplateSource(query.Subject, query.Body)));
        }
    }
}
