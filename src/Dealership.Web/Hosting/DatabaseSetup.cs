using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// Chooses the database provider from configuration (Database:Provider). Migrations come from the matching
/// project in db/. SQLite (the embedded default) migrates itself at start; the server databases never do in
/// Production: deploy/migrate.sh applies db/scripts/sqlserver.sql or db/scripts/postgresql.sql, or runs
/// `dotnet Dealership.Web.dll migrate` (see deploy/README.md and ADR 0024).
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Dealership.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Dealership.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Dealership.Migrations.PostgreSql";

    public static DatabaseProvider GetProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        return string.IsNullOrWhiteSpace(value)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
                ? provider
                : throw new ConfigurationProblemException($"Database:Provider '{value}' is not supported. Use Sqlite, SqlServer or PostgreSql.");
    }

    public static IServiceCollection AddDealershipDatabase(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        var provider = GetProvider(configuration);
        var connectionString = configuration.GetConnectionString("Dealership");
        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConfigurationProblemException($"ConnectionStrings:Dealership is required when Database:Provider is {provider}.");
        }

        // No retrying execution strategy: it would replay a whole command after an ambiguous failure, and a
        // command is not safe to replay on its own. A transient failure becomes 503 with Retry-After instead,
        // and the caller's Idempotency-Key makes its retry safe (ADR 0024).
        // Pooled: a request no longer builds a context and looks up EF's services by comparing its options (issue
        // #14: a tenth of a busy read's CPU). The context's own state (whether a bulk save put off SQLite's checkpoint,
        // which boards a save changed) is tied to the transaction that set it and read by that transaction's commit
        // only; EF resets what it tracks.
        services.AddDbContextPool<DealershipDbContext>(options =>
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly).CommandTimeout(30));
            }
            else if (provider == DatabaseProvider.PostgreSql)
            {
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly).CommandTimeout(30));
            }
            else
            {
                // A list in a query (ids.Contains(x.Id)) goes to SQLite as one JSON parameter read by json_each, not as
                // one parameter per element: the statement's text is the same whatever the list's length, so it is
                // short to prepare and EF builds it once. The lane (135 visits' ids in three of its queries) went from
                // 192 to 233 a second, the customer search from 276 to 320, the watchdog's first run 4.1 -> 3.6 s
                // (issue #14, session 15).
                options.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? paths.DefaultSqliteConnectionString : connectionString,
                    sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                options.AddInterceptors(new SqliteConnectionPerLease(), new PlainSqliteConnections(connectionString => new Microsoft.Data.Sqlite.SqliteConnection(connectionString)));
            }
        });
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService<DeferredCheckpointRunner>();
        }

        return services;
    }

    /// <summary>The `migrate` command (deploy/migrate.sh): brings any provider's schema up to this build, then the process exits.</summary>
    public static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await output.WriteLineAsync(pending.Count == 0
            ? "The database schema is already current."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }

    /// <summary>Applies migrations where that is this environment's policy, and turns on SQLite's write-ahead log.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var provider = GetProvider(app.Configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Only when a migration is pending: MigrateAsync also takes the migrations lock and compares the model with
            // the last snapshot on every start (issue #14: start to ready under 3 s; the saving was not measured apart).
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await db.Database.MigrateAsync();
            }

            // WAL lets readers carry on while a command writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else if (!app.Environment.IsProduction() && app.Configuration.GetValue("Database:MigrateAtStartup", false))
        {
            await db.Database.MigrateAsync();
        }
    }
}
