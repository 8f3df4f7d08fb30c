using System.Diagnostics;
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
            // The reason, not its words: a refusal's text may name the customer or repeat what was typed (no personal data in logs).
            logger.LogInformation("{Message} by {StaffId} refused: {Refusal} {Code}", name, staff.StaffId, ex.GetType().Name, (ex as Domain.Common.DomainRuleException)?.Code);
            throw;
        }
    }

    /// <summary>"RegisterCustomer.Command" reads better in logs than the nested type's bare name.</summary>
    internal static string MessageName(Type type) => type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;
}

/// <summary>Checks the input's shape (<see cref="InputShape"/>), then the message's FluentValidation validators; any failure stops it before the handler (HTTP 400).</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // The shape of any input first (required values, empty list entries, money, dates, text); a use case's
        // validator may assume it, so it does not run on a malformed message. Signed webhooks carry what the
        // customer typed, which is never refused.
        if (AccessRules.DeclaredBy(typeof(TMessage)) != Access.System && InputShape.Check(message) is { Count: > 0 } malformed)
        {
            throw new ValidationException(malformed);
        }

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
/// One transaction per command, owned by <see cref="UnitOfWork"/>: the handler changes tracked objects,
/// domain events become rows (notifications, touchpoints), and everything commits together. When a caller
/// already opened a unit (the Idempotency-Key filter, a form submission), the command joins it and the
/// caller commits. Handlers never call SaveChanges themselves.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(UnitOfWork unit) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool ReadsFirst = typeof(TMessage).IsDefined(typeof(ReadsBeforeWriteLockAttribute), inherit: false);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is IBaseCommand
            ? await unit.ExecuteAsync(async () => await next(message, cancellationToken), cancellationToken, readFirst: ReadsFirst)
            : await next(message, cancellationToken);
}

/// <summary>
/// Marks a command whose every rule rests on the rows it changes (each aggregate's version is checked when it is
/// saved) or on unique indexes, never on rows it only reads: on SQLite its unit reads before it queues for the file's
/// one write lock, which it then holds only to save and commit. A save that finds a read gone stale is undone and the
/// command runs again in turn, so the answer is one it could have given had it waited from the start (ADR 0027).
/// A command that counts or checks rows it does not change (capacity, limits, availability) must not carry it, unless
/// each such step also registers with <see cref="UnitOfWork.AgainInTurn"/> to run again under the lock.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadsBeforeWriteLockAttribute : Attribute;
