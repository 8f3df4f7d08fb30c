using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Demo;

/// <summary>Replies reach a person: a message on its way and a customer's text waiting in the inbox.</summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// A message on its way to a customer and a customer's reply waiting in the salesperson's inbox, so the
    /// outbox, the Messages page, the inbox and the timeline have something to show on first run. Both are
    /// idempotent: the message by its de-duplication key, the reply by its message id.
    /// </summary>
    private async Task EnsureConversationsAsync(Site portland, CancellationToken ct)
    {
        var olivia = await db.Customers.FirstOrDefaultAsync(c => c.EmailKey == "olivia.bennett@example.com", ct);
        if (olivia is not null)
        {
            await outbox.QueueAsync(olivia, portland.Id, Notifications.MessageTemplates.StaffMessage, "demo/olivia/service-booked",
                new Dictionary<string, string>
                {
                    ["staffName"] = "Sam Carter",
                    ["text"] = "Your Accord is booked for its 30,000-mile service next Tuesday at 8:30. I'll text you the moment it's ready.",
                },
                urgent: false, proactive: true, ct);
            await db.SaveChangesAsync(ct);
        }

        var liam = await db.Customers.FirstOrDefaultAsync(c => c.EmailKey == "liam.ortiz@example.com", ct);
        if (liam?.MobilePhone is not null)
        {
            await mediator.Send(new Notifications.ReceiveInboundSms.Command(liam.MobilePhone,
                "Hola, ¿puedo recoger el carro el sábado por la mañana en vez del viernes?", "SMdemo0000000000000000000000000001"), ct);
        }
    }
}
