using Dealership.Application.Jobs;
using Dealership.Application.Notifications;
using Dealership.Web.Security;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;

namespace Dealership.Web.Hosting;

/// <summary>
/// Hangfire: in-memory storage on the embedded default (job state that matters lives in our own tables, so
/// a restart loses nothing), the server database's own schema ("hangfire") on SQL Server and PostgreSQL so
/// several workers share one queue and one recurring schedule. Only instances whose role runs jobs
/// (<see cref="HostRole"/>) start a Hangfire server and register the recurring jobs; a web instance only enqueues.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddDealershipJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = DatabaseSetup.GetProvider(configuration);
        services.AddHangfire((services, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new Telemetry.JobCorrelationFilter(services.GetRequiredService<ILoggerFactory>()));
            if (provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(configuration.GetConnectionString("Dealership"), new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    SchemaName = "hangfire",
                });
            }
            else if (provider == DatabaseProvider.PostgreSql)
            {
                config.UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(configuration.GetConnectionString("Dealership")), new PostgreSqlStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    SchemaName = "hangfire",
                    // A worker killed mid-job gives its job back after this long (the job itself is idempotent).
                    InvisibilityTimeout = configuration.GetValue("Jobs:InvisibilityTimeout", TimeSpan.FromMinutes(5)),
                    // A job-wide lock ([DisableConcurrentExecution]) is a row here, not a session lock as on SQL
                    // Server: a worker killed while holding one would block that job for this long (ADR 0024).
                    DistributedLockTimeout = configuration.GetValue("Jobs:LockTimeout", TimeSpan.FromMinutes(2)),
                });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(3) });
            }
        });

        if (HostRole.From(configuration).RunsJobs)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", 2);
                // On SIGTERM running jobs get this long to finish; what is still running is picked up again by
                // another worker (every job is idempotent), so a rolling deploy loses nothing.
                options.ShutdownTimeout = configuration.GetValue("Jobs:ShutdownTimeout", TimeSpan.FromSeconds(20));
            });
            services.AddHostedService<CatchUpAfterStart>();
        }

        return services;
    }

    /// <summary>The jobs dashboard, for managers, on instances that serve the staff UI.</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.ManagersOnly, "/hangfire", new DashboardOptions
        {
            DashboardTitle = "Dealership jobs",
            AppPath = "/",
        });

    /// <summary>
    /// Registers the recurring schedule (every worker does; Hangfire keeps one schedule per id in the shared
    /// storage, so each occurrence runs once however many workers there are). The catch-up at start is
    /// <see cref="CatchUpAfterStart"/>'s.
    /// </summary>
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        if (HostRole.From(app.Configuration).RunsJobs)
        {
            var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
            recurring.AddOrUpdate<PurgeExpiredIdempotencyRecords>("purge-idempotency-records", job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
            // The sweep: sends anything due that no after-commit job picked up (a crash, quiet hours ending, retries).
            recurring.AddOrUpdate<NotificationDispatcher>("notifications-sweep", job => job.DispatchDueAsync(CancellationToken.None), Cron.Minutely());
            recurring.AddOrUpdate<Dealership.Application.Orders.OrderWatchdog>("orders-watchdog", job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
            recurring.AddOrUpdate<Dealership.Application.Handover.CollectionReminders>("collection-reminders", job => job.RunAsync(CancellationToken.None), Cron.Hourly());

            recurring.AddOrUpdate<Dealership.Application.Parts.PreOrderPartsJob>("parts-preorder", job => job.RunAsync(CancellationToken.None), Cron.Hourly(5));
            recurring.AddOrUpdate<Dealership.Application.Notifications.StaffTexts>("staff-texts-sweep", job => job.SendDueAsync(CancellationToken.None), Cron.Minutely());
            recurring.AddOrUpdate<Dealership.Application.Decisions.ApprovalEscalation>("approval-escalation", job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
            recurring.AddOrUpdate<Dealership.Application.Workshop.NoShowSweep>("no-show-sweep", job => job.RunAsync(CancellationToken.None), Cron.Hourly(40));
            recurring.AddOrUpdate<Dealership.Application.TradeIns.PayoffWatchdog>("payoff-watchdog", job => job.RunAsync(CancellationToken.None), Cron.Hourly(20));
            recurring.AddOrUpdate<Dealership.Application.Service.ServiceReminders>("service-reminders", job => job.RunAsync(CancellationToken.None), Cron.Hourly(10));

            recurring.AddOrUpdate<RefreshQueryStatistics>("query-statistics", job => job.RunAsync(CancellationToken.None), "7-59/15 * * * *");
        }
    }
}

/// <summary>
/// Catches up at start rather than at the next quarter hour (every job here is idempotent): the watchdog, parts
/// planning, and the outbox. Only once the app is listening, and a few seconds after (<c>Jobs:CatchUpDelay</c>, 5 s):
/// the planner's run over thousands of visits took a whole core for seconds and held the write lock, and when it
/// started with the host, staff and the load balancer's first requests waited behind it (issue #14: start to ready).
/// A process stopped before the catch-up loses nothing: the recurring schedule runs the same jobs.
/// </summary>
internal sealed class CatchUpAfterStart(IHostApplicationLifetime lifetime, IBackgroundJobClient jobs, IConfiguration configuration, ILogger<CatchUpAfterStart> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                var delay = configuration.GetValue("Jobs:CatchUpDelay", TimeSpan.FromSeconds(5));
                await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            // Each may add thousands of rows (tasks, messages) and refreshes the query planner's statistics when it has.
            jobs.Enqueue<Dealership.Application.Orders.OrderWatchdog>(job => job.RunAsync(CancellationToken.None));
            jobs.Enqueue<Dealership.Application.Parts.PreOrderPartsJob>(job => job.RunAsync(CancellationToken.None));
            jobs.Enqueue<NotificationDispatcher>(job => job.DispatchDueAsync(CancellationToken.None));
            logger.LogInformation("Catching up after start: the watchdog, parts planning and the outbox are queued.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An instance that is serving stays up (a failing background service would stop the host): the job storage
            // may be briefly out of reach, and the recurring schedule runs the same jobs within the hour.
            logger.LogError(ex, "Could not queue the catch-up after start; the recurring schedule will run the same jobs.");
        }
    }
}
