using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Notifications;

/// <summary>
/// A text to a staff member who asked for one (an approval waiting for them), written in the same transaction as
/// what caused it and sent by a job, like every customer message. Kept apart from the customers' outbox: no
/// consent, quiet hours or tracking link apply to a colleague's own phone, and it never lands on a customer's timeline.
/// </summary>
public sealed class StaffText
{
    private StaffText() { }

    public StaffText(Guid staffId, string to, string body, string deduplicationKey, DateTime now)
    {
        StaffId = staffId;
        To = to;
        Body = body.Length > 300 ? body[..300] : body;
        DeduplicationKey = deduplicationKey;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid StaffId { get; private set; }

    public string To { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>One text per cause (a decision and its manager): a retried event never texts twice.</summary>
    public string DeduplicationKey { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Given up: after five failures, or refused for good by the provider.</summary>
    public bool Dead { get; private set; }

    public string? ProviderMessageId { get; private set; }

    public void Sent(string? providerId, DateTime now)
    {
        SentAt = now;
        ProviderMessageId = providerId;
    }

    public void Failed(string? error, bool permanent)
    {
        Attempts++;
        LastError = error;
        Dead = permanent || Attempts >= 5;
    }
}

/// <summary>Queues and sends staff texts.</summary>
public sealed class StaffTexts(DealershipDbContext db, ISmsChannel sms, IPublicLinks links, UnitOfWork unit, TimeProvider clock, ILogger<StaffTexts> logger)
{
    /// <summary>Queues a text to each of these people who opted in and gave a number (within the caller's transaction).</summary>
    public async Task QueueAsync(IReadOnlyCollection<Guid> staffIds, Func<string, string> body, string deduplicationKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var ids = staffIds.ToList();
        var wanting = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive && u.TextApprovals && u.PhoneNumber != null)
            .Select(u => new { u.Id, u.PhoneNumber }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in wanting)
        {
            var key = $"{deduplicationKey}/{person.Id:N}";
            if (!await db.Set<StaffText>().AnyAsync(t => t.DeduplicationKey == key, ct) && !db.Tracked<StaffText>().Any(t => t.DeduplicationKey == key))
            {
                db.Set<StaffText>().Add(new StaffText(person.Id, person.PhoneNumber!, body(links.StaffPage("/approvals")), key, now));
            }
        }
    }

    /// <summary>The job: sends what is waiting, oldest first, each committed as it goes so a crash re-sends at most one.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var due = await db.Set<StaffText>().Where(t => t.SentAt == null && !t.Dead).OrderBy(t => t.CreatedAt).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var text in due)
        {
            SendResult result;
            try
            {
                result = await sms.SendAsync(new OutgoingSms(text.Id, text.To, text.Body, links.SmsStatusCallback(text.Id)), ct);
            }
            catch (ChannelUnavailableException unavailable)
            {
                logger.LogWarning("Staff text {Id} not sent: {Reason}", text.Id, unavailable.Message);
                result = SendResult.Transient(unavailable.Message);
            }

            if (result.Succeeded)
            {
                text.Sent(result.ProviderMessageId, clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            else
            {
                text.Failed(result.Error, result.Permanent);
            }

            await unit.SaveAsync(ct);
        }

        return sent;
    }
}

/// <summary>A staff member's own alert settings: the mobile number for texts and whether to be texted when someone asks for approval.</summary>
public static class SetMyAlerts
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(string? MobilePhone, bool TextApprovals) : ICommand<AlertsView>;

    public sealed record AlertsView(string? MobilePhone, bool TextApprovals);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MobilePhone).NotEmpty().When(c => c.TextApprovals).WithMessage("Give the mobile number to text.");
            RuleFor(c => c.MobilePhone).MaximumLength(30);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, Sites.SiteContext sites) : ICommandHandler<Command, AlertsView>
    {
        public async ValueTask<AlertsView> Handle(Command command, CancellationToken cancellationToken)
        {
            var id = staff.RequireStaffId();
            var user = await db.Users.FirstAsync(u => u.Id == id, cancellationToken);
            string? phone = null;
            if (!string.IsNullOrWhiteSpace(command.MobilePhone))
            {
                var site = await sites.GetAsync(cancellationToken);
                phone = PhoneNumberRules.ToE164(command.MobilePhone, site.DefaultPhoneRegion, out var problem)
                    ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("mobilePhone", problem ?? "Enter a mobile number, for example 503-555-0100.")]);
            }

            user.PhoneNumber = phone;
            user.TextApprovals = command.TextApprovals && phone is not null;
            user.Version++;
            return new AlertsView(user.PhoneNumber, user.TextApprovals);
        }
    }
}

/// <summary>The caller's own alert settings.</summary>
public static class GetMyAlerts
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query : IQuery<SetMyAlerts.AlertsView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, SetMyAlerts.AlertsView>
    {
        public async ValueTask<SetMyAlerts.AlertsView> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = staff.RequireStaffId();
            return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new SetMyAlerts.AlertsView(u.PhoneNumber, u.TextApprovals)).FirstAsync(cancellationToken);
        }
    }
}
