using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>
/// Twilio's status callback for one of our texts: delivered, or undelivered/failed (then the text is dead
/// and, if the customer allows email, the same message goes by email). Unknown ids and intermediate states
/// (queued, sent) change nothing.
/// </summary>
public static class RecordSmsStatus
{
    [Allowed(Access.System)]
    public sealed record Command(Guid NotificationId, string MessageStatus, string? ErrorCode) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == command.NotificationId, cancellationToken);
            if (notification is null)
            {
                return false;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            switch (command.MessageStatus.ToLowerInvariant())
            {
                case "delivered":
                    notification.MarkDelivered(now);
                    break;
                case "undelivered" or "failed":
                    notification.MarkUndelivered($"Carrier reported {command.MessageStatus}{(command.ErrorCode is null ? "" : $" (error {command.ErrorCode})")}", now);
                    break;
                default:
                    return false;
            }

            return true;
        }
    }
}
