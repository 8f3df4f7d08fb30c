using Dealership.Application.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Dealership.Adapters;

public static class DependencyInjection
{
    /// <summary>
    /// Chooses the channels by configuration only: SMTP when Email:Smtp:Host is set, Twilio when
    /// Sms:Twilio:AccountSid is set, otherwise the local outbox folder.
    /// </summary>
    public static IServiceCollection AddDealershipChannels(this IServiceCollection services, IConfiguration configuration, string outboxFolder)
    {
        services.AddSingleton(new LocalOutboxFolder(outboxFolder));
        services.Configure<SmtpOptions>(configuration.GetSection("Email:Smtp"));
        services.Configure<TwilioOptions>(configuration.GetSection("Sms:Twilio"));

        if (!string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"]))
        {
            services.AddScoped<IEmailChannel, SmtpEmailChannel>();
        }
        else
        {
            services.AddScoped<IEmailChannel, LocalFileEmailChannel>();
        }

        if (!string.IsNullOrWhiteSpace(configuration["Sms:Twilio:AccountSid"]))
        {
            services.AddTransient<TwilioBaseUrlHandler>();
            services.AddHttpClient<ISmsChannel, TwilioSmsChannel>(client => client.Timeout = TimeSpan.FromSeconds(30))
                .AddHttpMessageHandler<TwilioBaseUrlHandler>()
                .AddStandardResilienceHandler(options =>
                {
                    // A retried POST can send a text twice: only safe requests (the reconciliation GET) retry here.
                    options.Retry.DisableForUnsafeHttpMethods();
                });
        }
        else
        {
            services.AddScoped<ISmsChannel, LocalFileSmsChannel>();
        }

        return services;
    }
}
