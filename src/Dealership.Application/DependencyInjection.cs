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
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<SiteContext>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<SiteContext>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddScoped<Demo.DemoDataSeeder>();
        services.AddScoped<Jobs.PurgeExpiredIdempotencyRecords>();
        services.TryAddSingletonTimeProvider();
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
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == handlerInterface))
            {
                services.AddScoped(contract, type);
            }
        }
    }
}
