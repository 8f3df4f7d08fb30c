using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Tracking;

/// <summary>
/// The customer writes to us from their tracking page (for those who prefer email, or just prefer typing there):
/// the message reaches the same person a text would, and the page tells them who will answer and by when.
/// </summary>
public static class WriteToUs
{
    public const int MaxLength = 1000;

    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, string Text) : ICommand<Answer>;

    /// <summary>Who has the message (null: the team) and the promised answer time, in the customer's language.</summary>
    public sealed record Answer(string? OwnerName, string AnswerBy);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(MaxLength)
            .WithMessage($"Write your message in at most {MaxLength} characters.");
    }

    public sealed class Handler(DealershipDbContext db, ConversationRouter router, TimeProvider clock) : ICommandHandler<Command, Answer>
    {
        public async ValueTask<Answer> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var customer = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Customers, c => c.Id == customerId, cancellationToken);
            var routed = await router.RouteAsync([customer], "Message from", customer.FullName, command.Text, "Message from the tracking page", now, cancellationToken);
            return new Answer(routed.OwnerName, customer.Language == "es" ? routed.AnswerByEs : routed.AnswerBy);
        }
    }
}
