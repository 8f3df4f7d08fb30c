using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>
/// Staff write to a customer (from the customer page or when answering a task). It goes through the outbox
/// on the customer's channels like every other message, so the conversation lands on the timeline.
/// </summary>
public static class SendCustomerMessage
{
    /// <summary>
    /// 160 plain characters leave room for the signature and the link within two SMS segments. Accents outside
    /// GSM-7 (á, ó, í) make every segment shorter; the handler measures the real text and says how much to cut.
    /// </summary>
    public const int MaxLength = 160;

    [Allowed(Access.EditCustomers)]
    public sealed record Command(Guid CustomerId, string Text, MessageChannel? Channel, Guid? TaskId) : ICommand<IReadOnlyList<NotificationView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).NotEmpty().MaximumLength(MaxLength)
                .WithMessage($"Write the message in at most {MaxLength} characters, so it arrives as one or two texts.");
            RuleFor(c => c.Channel).IsInEnum();
        }
    }

    public sealed class Handler(DealershipDbContext db, Outbox outbox, ICurrentStaff staff, TimeProvider clock, IPublicLinks links, Templates.SiteTemplates templates)
        : ICommandHandler<Command, IReadOnlyList<NotificationView>>
    {
        public async ValueTask<IReadOnlyList<NotificationView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == command.CustomerId, cancellationToken)
                ?? throw new NotFoundException("Customer", command.CustomerId);
            var staffId = staff.RequireStaffId();

            // The answer closes the task it answers, so the task is checked first: it must be in the caller's
            // hands (theirs, or any at a site they manage) and about this customer, else nothing is sent.
            var task = command.TaskId is { } taskId
                ? await Tasks.ListTasks.Closable(db, staff).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw new NotFoundException("Task", taskId)
                : null;
            task?.CompleteByAnswering(customer.Id, staffId, Tasks.ListTasks.ManagesSite(staff, task), clock.GetUtcNow().UtcDateTime);

            var staffName = await db.Users.Where(u => u.Id == staffId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var data = new Dictionary<string, string> { ["staffName"] = staffName, ["text"] = command.Text.Trim() };
            if (command.Channel is null or MessageChannel.Sms)
            {
                var siteName = await db.Sites.Where(x => x.Id == staff.SiteId).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
                var (source, _) = await templates.ForAsync(staff.SiteId, MessageTemplates.StaffMessage, MessageChannel.Sms, customer.Language == "es" ? "es" : "en", cancellationToken);
                RefuseOverBudget(customer, siteName, data, source);
            }

            var queued = await outbox.QueueAsync(customer, staff.SiteId, MessageTemplates.StaffMessage, $"customer/{customer.Id}/message/{Guid.NewGuid():N}",
                data, urgent: command.TaskId is not null, proactive: command.TaskId is null, cancellationToken, command.Channel);
            if (queued.All(n => n.Status == NotificationStatus.Suppressed))
            {
                throw new DomainRuleException(command.Channel is { } channel
                    ? $"{customer.FullName} cannot receive {(channel == MessageChannel.Sms ? "texts" : "emails")} (no consent or no contact detail). Choose the other channel or call them."
                    : $"{customer.FullName} has not agreed to texts or emails, or has no contact details. Call them instead.",
                    "customer-unreachable");
            }

            return queued.Select(n => n.ToView()).ToList();
        }

        /// <summary>The text as it will really go (signature and a link of the real length): more than its budget of segments is refused with how much to cut.</summary>
        private void RefuseOverBudget(Domain.Customers.Customer customer, string siteName, Dictionary<string, string> data, Templates.TemplateSource source)
        {
            var link = links.TrackingPage(TrackingTokens.NewToken());
            var text = Templates.MessageRenderer.Shared.Render(MessageTemplates.StaffMessage, MessageChannel.Sms, customer.Language,
                new TemplateContext(customer.FirstName, siteName, link, data), source).Text;
            var budget = MessageTemplates.SegmentBudget(text);
            if (MessageTemplates.SmsSegments(text) <= budget)
            {
                return;
            }

            var gsm = MessageTemplates.IsGsm7(text);
            var cut = text.Length - (budget * (gsm ? 153 : 67)) + 20;
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("text",
                $"As a text this would take more than {budget} messages{(gsm ? "" : " (letters like á, ó or í make each one shorter)")}: shorten it by about {cut} characters.")]);
        }
    }
}
