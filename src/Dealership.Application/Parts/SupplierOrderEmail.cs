using System.Globalization;
using System.Text;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Domain.Parts;
using Dealership.Domain.Sites;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Parts;

/// <summary>Writes the email a supplier receives for a parts order: plain text a counter clerk can key in.</summary>
public static class SupplierOrderEmail
{
    public static SupplierEmail For(PartsOrder order, Supplier supplier, Site site, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(site);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {supplier.Name},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Please supply the parts below to {site.Name} and reply with your delivery date, quoting {order.Reference}.")
            .AppendLine();
        foreach (var line in order.Lines)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"  {line.Quantity} x {line.PartNumber}  {line.Description}");
        }

        body.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"We need them by {order.ExpectedEta:dddd d MMMM yyyy} for booked customer appointments.")
            .AppendLine()
            .AppendLine("Thank you,")
            .AppendLine(CultureInfo.InvariantCulture, $"Parts department, {site.Name}");
        return new SupplierEmail(order.Id, supplier.OrderEmail, supplier.Name, $"Parts order {order.Reference} from {site.Name}", body.ToString(), now);
    }
}

/// <summary>
/// Sends supplier emails that are due (part of the dispatcher run, so the after-commit signal and the minutely
/// sweep cover both). A failure waits and retries with back-off; five failures leave it dead for the clerk.
/// </summary>
public sealed class SupplierEmailSender(DealershipDbContext db, IEmailChannel email, DomainEventDispatcher events, TimeProvider clock, ILogger<SupplierEmailSender> logger)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.SupplierEmails.Where(e => e.Status == SupplierEmailStatus.Pending && e.DueAt <= now).OrderBy(e => e.DueAt).Take(50).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var outgoing = due.Select(e => new OutgoingEmail(e.Id, e.To, e.ToName, e.Subject, e.Body, "", $"parts-order-{e.PartsOrderId:N}@dealership.local")).ToList();
        IReadOnlyList<SendResult> results;
        try
        {
            results = await email.SendAsync(outgoing, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Supplier email batch of {Count} failed", outgoing.Count);
            results = outgoing.Select(_ => SendResult.Transient(ex.Message)).ToList();
        }

        for (var i = 0; i < due.Count; i++)
        {
            if (results[i].Succeeded)
            {
                due[i].MarkSent(now);
            }
            else
            {
                due[i].MarkFailed(results[i].Error ?? "Unknown error", now);
            }
        }

        await events.DispatchAndSaveAsync(ct);
        return due.Count;
    }
}

/// <summary>The Hangfire job: recurring, and enqueued after a booking or change commits.</summary>
public sealed class PreOrderPartsJob(global::Mediator.IMediator mediator)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new RunPartsPlanning.Command(null), cancellationToken);
}

/// <summary>Runs the planner in one transaction (through the pipeline, like any command).</summary>
public static class RunPartsPlanning
{
    public sealed record Command(Guid? AppointmentId) : global::Mediator.ICommand<PlanningReport>;

    public sealed class Handler(PartsPlanner planner) : global::Mediator.ICommandHandler<Command, PlanningReport>
    {
        public async ValueTask<PlanningReport> Handle(Command command, CancellationToken cancellationToken) =>
            await planner.PlanAsync(command.AppointmentId, cancellationToken);
    }
}

/// <summary>
/// Remembers that the unit of work booked or moved appointments, so that after commit the planner runs for
/// them at once. If the process dies first, the recurring run plans them anyway.
/// </summary>
public sealed class PartsPlanningSignal(IBackgroundJobClient jobs) :
    IDomainEventSubscriber<Domain.Service.AppointmentBooked>,
    IDomainEventSubscriber<Domain.Service.AppointmentRescheduled>
{
    private bool _requested;

    public Task HandleAsync(Domain.Service.AppointmentBooked domainEvent, CancellationToken cancellationToken) => Request();

    public Task HandleAsync(Domain.Service.AppointmentRescheduled domainEvent, CancellationToken cancellationToken) => Request();

    public void AfterCommit()
    {
        if (!_requested)
        {
            return;
        }

        _requested = false;
        jobs.Enqueue<PreOrderPartsJob>(job => job.RunAsync(CancellationToken.None));
    }

    private Task Request()
    {
        _requested = true;
        return Task.CompletedTask;
    }
}
