using Dealership.Application.Common;
using System.Globalization;
using Dealership.Application.Data;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Dealership.Domain.Tasks;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

    public sealed class Handler(DealershipDbContext db, Outbox outbox, TimeProvider clock, IOptions<NotificationOptions> options) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.IdempotencyRecords.AnyAsync(r => r.Scope == "twilio-inbound" && r.Key == command.MessageSid, cancellationToken))
            {
                return Outcome.Duplicate;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "twilio-inbound", Key = command.MessageSid, RequestHash = "inbound", StatusCode = 200, CreatedAt = now });
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
            var primary = customers.FirstOrDefault(c => c.OwnerStaffId is not null) ?? customers.FirstOrDefault();
            var siteId = primary?.RegisteredAtSiteId ?? await db.Sites.OrderBy(s => s.Name).Select(s => s.Id).FirstAsync(ct);
            var ownerId = primary?.OwnerStaffId;
            var due = now + options.Value.ReplyAnswerWithin;
            var names = customers.Count == 0 ? command.From : string.Join(", ", customers.Select(c => c.FullName));
            var title = customers.Count > 1
                ? $"Reply from {command.From} (shared by {names})"
                : $"Reply from {names}";
            var task = new StaffTask(siteId, ownerId, title, command.Body.Trim(), due, customers.Count > 0 ? "customer" : null, primary?.Id,
                customers.Select(c => c.Id), now);
            db.Tasks.Add(task);

            foreach (var customer in customers)
            {
                db.Touchpoints.Add(new Touchpoint(customer.Id, customer.RegisteredAtSiteId, now, TouchpointKind.CustomerReply, TouchpointDirection.Inbound,
                    TouchpointActor.Customer, proactive: false, $"Text from customer: {Shorten(command.Body)}", subjectType: "task", subjectId: task.Id));
            }

            if (primary is not null)
            {
                var ownerName = ownerId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
                var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == siteId, ct);
                var dueLocal = site.ToLocal(due).ToString("h:mm tt", CultureInfo.GetCultureInfo("en-US"));
                await outbox.QueueAsync(primary, siteId, MessageTemplates.ReplyAcknowledged, $"inbound/{command.MessageSid}/ack",
                    new Dictionary<string, string> { ["ownerName"] = ownerName ?? "Our team", ["dueLocal"] = dueLocal },
                    urgent: true, proactive: false, ct, MessageChannel.Sms);
            }
        }

        private static string Shorten(string text) => text.Length > 200 ? text[..197] + "..." : text.Trim();
    }
}
