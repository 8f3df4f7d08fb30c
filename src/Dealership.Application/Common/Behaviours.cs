using System.Diagnostics;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Common;

/// <summary>Logs every message with its outcome and duration; the first behaviour, so it sees failures of the rest.</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentStaff staff)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = MessageName(typeof(TMessage));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("{Message} by {StaffId} at {SiteId} completed in {ElapsedMs:0.0} ms",
                name, staff.StaffId, staff.SiteId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is ValidationException or NotFoundException or Domain.Common.DomainRuleException or PreconditionFailedException or ForbiddenException)
        {
            logger.LogInformation("{Message} by {StaffId} refused: {Reason}", name, staff.StaffId, ex.Message);
            throw;
        }
    }

    /// <summary>"RegisterCustomer.Command" reads better in logs than the nested type's bare name.</summary>
    internal static string MessageName(Type type) => type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;
}

/// <summary>Runs the message's FluentValidation validators; any failure stops it before the handler (HTTP 400).</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = message is IPagedQuery paged ? Paging.Check(paged).ToList() : [];
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>
/// One transaction per command: the handler changes tracked objects, domain events are turned into rows
/// (notifications, touchpoints) by their handlers, and everything is saved and committed together. When a
/// caller already opened a transaction (the Idempotency-Key filter, which must store its record in the
/// same commit), the command joins it and the caller commits. Handlers never call SaveChanges themselves.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(DealershipDbContext db, DomainEventDispatcher events, Notifications.DispatchSignal dispatch,
    Parts.PartsPlanningSignal planning)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            var joined = await next(message, cancellationToken);
            await events.DispatchAndSaveAsync(cancellationToken);
            return joined;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await events.DispatchAndSaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        dispatch.AfterCommit();
        planning.AfterCommit();
        return response;
    }
}
