using System.Collections.Concurrent;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.Application.Common;

/// <summary>Reacts to a domain event inside the command's transaction. May only write rows, never send anything.</summary>
public interface IDomainEventSubscriber<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Hands the events raised by tracked aggregates to their handlers, repeatedly (a handler may change another
/// aggregate that raises more). Only <see cref="UnitOfWork"/> calls it, just before it saves, so the rows
/// handlers write share the fate of the change that caused them: both commit or neither does.
/// </summary>
public sealed class DomainEventDispatcher(DealershipDbContext db, IServiceProvider services)
{
    private const int MaxRounds = 10;
    private static readonly ConcurrentDictionary<Type, Func<object, IDomainEvent, CancellationToken, Task>> Invokers = new();

    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var pending = TakePendingEvents();
            if (pending.Count == 0)
            {
                // One scan for changes, here at the end, rather than one per round: a scan walks every tracked entity,
                // and a job saving once per row (the dispatcher) paid it again and again. It settles every entry's state
                // for the save that follows (UnitOfWork relies on it being the last thing done here), and would find an
                // aggregate reached only through another's navigation, should one ever be; then we look again.
                db.ChangeTracker.DetectChanges();
                pending = TakePendingEvents();
                if (pending.Count == 0)
                {
                    break;
                }
            }

            if (round == MaxRounds)
            {
                throw new InvalidOperationException("Domain events keep raising further events; a handler cycle is likely.");
            }

            foreach (var domainEvent in pending)
            {
                var handlerType = typeof(IDomainEventSubscriber<>).MakeGenericType(domainEvent.GetType());
                var invoke = Invokers.GetOrAdd(domainEvent.GetType(), BuildInvoker);
                foreach (var handler in services.GetServices(handlerType))
                {
                    await invoke(handler!, domainEvent, cancellationToken);
                }
            }
        }
    }

    private List<IDomainEvent> TakePendingEvents() =>
        db.TrackedAggregates()
            .SelectMany(aggregate =>
            {
                var raised = aggregate.DomainEvents.ToList();
                aggregate.ClearDomainEvents();
                return raised;
            })
            .ToList();

    private static Func<object, IDomainEvent, CancellationToken, Task> BuildInvoker(Type eventType)
    {
        var method = typeof(DomainEventDispatcher).GetMethod(nameof(InvokeTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType);
        return (Func<object, IDomainEvent, CancellationToken, Task>)Delegate.CreateDelegate(typeof(Func<object, IDomainEvent, CancellationToken, Task>), method);
    }

    private static Task InvokeTyped<TEvent>(object handler, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent =>
        ((IDomainEventSubscriber<TEvent>)handler).HandleAsync((TEvent)domainEvent, cancellationToken);
}
