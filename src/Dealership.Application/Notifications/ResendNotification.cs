using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>A Manager sends a dead message again (to the customer's current contact detail, which staff may have corrected).</summary>
public static class ResendNotification
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid NotificationId) : ICommand<NotificationView>;

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, NotificationView>
    {
        public async ValueTask<NotificationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == command.NotificationId, cancellationToken)
                ?? throw new NotFoundException("Notification", command.NotificationId);
            var customer = await db.Customers.FirstAsync(c => c.Id == n.CustomerId, cancellationToken);
            var recipient = n.Channel == Domain.Notifications.MessageChannel.Sms ? customer.MobilePhone : customer.Email;
            n.Resend(recipient, clock.GetUtcNow().UtcDateTime);
            return n.ToView();
        }
    }
}
