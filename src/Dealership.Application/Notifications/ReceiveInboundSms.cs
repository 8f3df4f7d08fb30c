using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>
/// A text from a customer (Twilio's inbound webhook). STOP-family words stop texts to that number for every
/// customer sharing it; START-family words resume them; HELP/INFO get a help reply. Anything else is a reply
/// a person must answer: a touchpoint for each customer with that number, a task for whoever owns the
/// relationship (later: the owner of the open order, trade-in or appointment; now the customer's owner,
/// else the site's managers), and an acknowledgement through the outbox. Twilio retries are recognised by
/// the MessageSid and change nothing twice.
/// </summary>
public static class ReceiveInboundSms
{
    private static readonly string[] StopWords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
    private static readonly string[] StartWords = ["START", "YES", "UNSTOP"];
    private static readonly string[] HelpWords = ["HELP", "INFO"];

    [Allowed(Access.System)]
    public sealed record Command(string From, string Body, string MessageSid) : ICommand<Outcome>;

    public enum Outcome
    {
        OptedOut,
        OptedIn,
        HelpSent,
        RoutedToStaff,
        Duplicate,
    }

    public sealed class Handler(DealershipDbContext db, Outbox outbox, ConversationRouter router, TimeProvider clock) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.InboundMessages.AnyAsync(m => m.ProviderMessageId == command.MessageSid, cancellationToken))
            {
                return Outcome.Duplicate;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.InboundMessages.Add(new InboundMessage(command.MessageSid, command.From, now));
            var phone = command.From.Trim();
            var customers = await db.Customers.Where(c => c.MobilePhone == phone).OrderByDescending(c => c.UpdatedAt).ToListAsync(cancellationToken);
            var keyword = command.Body.Trim().TrimEnd('.', '!').ToUpperInvariant();

            if (StopWords.Contains(keyword) || StartWords.Contains(keyword))
            {
                var optOut = StopWords.Contains(keyword);
                var source = $"Replied {keyword} by text";
                var consent = await db.PhoneConsents.FirstOrDefaultAsync(c => c.PhoneNumber == phone, cancellationToken);
                if (consent is null)
                {
                    db.PhoneConsents.Add(new PhoneConsent(phone, optOut, source, now));
                }
                else
                {
                    consent.Record(optOut, source, now);
                }

                foreach (var customer in customers)
                {
                    if (optOut)
                    {
                        customer.OptOutOfSms(source, now);
                    }
                    else
                    {
                        customer.OptInToSms(source, now);
                    }
                }

                return optOut ? Outcome.OptedOut : Outcome.OptedIn;
            }

            if (HelpWords.Contains(keyword))
            {
                if (customers.Count > 0)
                {
                    await outbox.QueueAsync(customers[0], customers[0].RegisteredAtSiteId, MessageTemplates.HelpReply, $"inbound/{command.MessageSid}/help",
                        new Dictionary<string, string>(), urgent: true, proactive: false, cancellationToken, MessageChannel.Sms);
                }

                return Outcome.HelpSent;
            }

            await RouteReplyAsync(command, customers, now, cancellationToken);
            return Outcome.RoutedToStaff;
        }

        private async Task RouteReplyAsync(Command command, List<Domain.Customers.Customer> customers, DateTime now, CancellationToken ct)
        {
            var routed = await router.RouteAsync(customers, "Reply from", command.From, command.Body, "Text from customer", now, ct);
            if (routed.Primary is { } primary)
            {
                await outbox.QueueAsync(primary, routed.Site.Id, MessageTemplates.ReplyAcknowledged, $"inbound/{command.MessageSid}/ack",
                    new Dictionary<string, string>
                    {
                        ["ownerName"] = routed.OwnerName ?? "",
                        ["dueBy"] = Templates.TemplateFacts.Instant(routed.Task.DueAt),
                    },
                    urgent: true, proactive: false, ct, MessageChannel.Sms);
            }
        }
    }
}
