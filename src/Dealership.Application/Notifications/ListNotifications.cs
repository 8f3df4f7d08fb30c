using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Notifications;

/// <summary>Messages, newest first, by customer and status (for example every dead message, to resend).</summary>
public static class ListNotifications
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid? CustomerId, NotificationStatus? Status, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<NotificationView>>, IPagedQuery;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
        }
    }

    public sealed class Handler(DealershipDbContext db) : IQueryHandler<Query, PagedList<NotificationView>>
    {
        public async ValueTask<PagedList<NotificationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var notifications = db.Notifications.AsQueryable();
            if (query.CustomerId is { } customerId)
            {
                notifications = notifications.Where(n => n.CustomerId == customerId);
            }

            if (query.Status is { } status)
            {
                notifications = notifications.Where(n => n.Status == status);
            }

            return await notifications.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).ToViews()
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        }
    }
}
