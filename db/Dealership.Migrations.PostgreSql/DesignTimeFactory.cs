using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dealership.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef` build the model for this provider without starting the web host:
/// dotnet ef migrations add Name --project db/Dealership.Migrations.PostgreSql
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DealershipDbContext>
{
    public DealershipDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DealershipDbContext>()
            .UseNpgsql(ConnectionString, o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new DealershipDbContext(options);
    }

    /// <summary>Only used to generate code and scripts; no database is opened.</summary>
    public const string ConnectionString = "Host=localhost;Database=dealership;Username=dealership";
}
