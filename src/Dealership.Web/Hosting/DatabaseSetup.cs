using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Chooses the database provider from configuration (Database:Provider). Migrations come from the matching
/// project in db/. SQLite (the embedded default) migrates itself at start; SQL Server never does in
/// Production: the DBA applies db/scripts/sqlserver.sql (see deploy/README.md).
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Dealership.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Dealership.Migrations.SqlServer";

    public static DatabaseProvider GetProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        return string.IsNullOrWhiteSpace(value)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
                ? provider
                : throw new InvalidOperationException($"Database:Provider '{value}' is not supported. Use Sqlite or SqlServer.");
    }

    public static IServiceCollection AddDealershipDatabase(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        var provider = GetProvider(configuration);
        var connectionString = configuration.GetConnectionString("Dealership");
        if (provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Dealership is required when Database:Provider is SqlServer.");
        }

        services.AddDbContext<DealershipDbContext>(options =>
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
            }
            else
            {
                options.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? paths.DefaultSqliteConnectionString : connectionString,
                    sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
            }
        });
        return services;
    }

    /// <summary>Applies migrations where that is this environment's policy, and turns on SQLite's write-ahead log.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var provider = GetProvider(app.Configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.MigrateAsync();
            // WAL lets readers carry on while a command writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else if (!app.Environment.IsProduction() && app.Configuration.GetValue("Database:MigrateAtStartup", false))
        {
            await db.Database.MigrateAsync();
        }
    }
}
