using Dealership.Application.Common;
using Dealership.Application.Sites;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.Application;

public static class DependencyInjection
{
    /// <summary>Registers the mediator pipeline, validators and application services. The host adds the DbContext and identity.</summary>
    public static IServiceCollection AddDealershipApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Namespace = "Dealership.Application.Mediator";
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<SiteContext>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<SiteContext>();
        services.AddScoped<StaffNames>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<Data.DeferredCheckpoints>();
        services.AddSingleton<CoalescedJobs>();
        services.AddSingleton<Orders.BoardRankings>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<Demo.DemoDataSeeder>();
        services.AddScoped<Jobs.PurgeExpiredIdempotencyRecords>();
        services.AddScoped<Jobs.RefreshQueryStatistics>();
        services.AddScoped<Notifications.Outbox>();
        services.AddScoped<Notifications.ConversationRouter>();
        services.AddScoped<Notifications.NotificationDispatcher>();
        services.AddScoped<Notifications.Templates.SiteTemplates>();
        services.AddScoped<Orders.OrderAccess>();
        services.AddScoped<Orders.OrderWatchdog>();
        services.AddScoped<Handover.CollectionSlots>();
        services.AddScoped<Handover.CollectionBooker>();
        services.AddScoped<Handover.CollectionReminders>();
        services.AddScoped<Parts.PartsPlanner>();
        services.AddScoped<Parts.WaitingVisits>();
        services.AddScoped<Parts.PreOrderPartsJob>();
        services.AddScoped<Parts.SupplierEmailSender>();
        services.AddScoped<Service.WorkshopCapacity>();
        services.AddScoped<Service.AppointmentViews>();
        services.AddScoped<Service.AppointmentAccess>();
        services.AddScoped<Service.AppointmentMover>();
        services.AddScoped<Service.ServiceNotices>();
        services.AddScoped<Service.ServiceReminders>();
        services.AddScoped<Tracking.MyServiceVisits>();
        services.AddScoped<Tracking.MyTradeIns>();
        services.AddScoped<TradeIns.TradeInAccess>();
        services.AddScoped<TradeIns.PayoffWatchdog>();
        services.AddScoped<Decisions.Discretion>();
        services.AddScoped<Decisions.DecisionEffects>();
        services.AddScoped<Notifications.StaffTexts>();
        services.AddScoped<Journey.JourneyRecorder>();
        services.AddScoped<Decisions.ApprovalEscalation>();
        services.AddScoped<Decisions.CustomerStanding>();
        services.AddScoped<Workshop.WorkshopAccess>();
        services.AddScoped<Workshop.WorkshopBills>();
        services.AddScoped<Workshop.WorkshopViews>();
        services.AddScoped<Workshop.WorkshopParts>();
        services.AddScoped<Workshop.NoShowSweep>();
        services.AddScoped<Custody.CustodyRegister>();
        services.AddOptions<Parts.PartsPlanningOptions>().BindConfiguration("Parts:Planning");
        services.AddOptions<Decisions.DecisionLimits>().BindConfiguration("Decisions:Limits");
        services.TryAddSingletonTimeProvider();
        services.AddMetrics();
        services.AddSingleton<DealershipMetrics>();
        RegisterDomainEventHandlers(services);
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void RegisterDomainEventHandlers(IServiceCollection services)
    {
        var handlerInterface = typeof(IDomainEventSubscriber<>);
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false }))
        {
            var selfRegistered = services.Any(d => d.ServiceType == type);
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == handlerInterface))
            {
                // A subscriber also used directly must be the same instance within a scope.
                if (selfRegistered)
                {
                    services.AddScoped(contract, sp => sp.GetRequiredService(type));
                }
                else
                {
                    services.AddScoped(contract, type);
                }
            }
        }
    }
}
