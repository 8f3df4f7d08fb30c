using System.Net;
using Dealership.Application.Data;
using Dealership.Application.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>Health, API description, schema drift and the housekeeping job.</summary>
public sealed class PlatformTests : SharedAppTests
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_IsAnonymousAndHealthy(string path)
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    /// <summary>
    /// The SQLite connections are created without EF's SQL functions (PlainSqliteConnections), which EF needs only for
    /// decimal arithmetic and comparisons: a decimal column would make such a query fail at run time, not here.
    /// </summary>
    [Test]
    public async Task TheModel_HasNoDecimalColumn()
    {
        var decimals = await App.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e.DisplayName(), Property: p.Name, Stored: p.GetProviderClrType() ?? p.ClrType)))
            .Where(p => Nullable.GetUnderlyingType(p.Stored) == typeof(decimal) || p.Stored == typeof(decimal))
            .Select(p => $"{p.Entity}.{p.Property}")
            .ToList()));
        Assert.That(decimals, Is.Empty, "store money in minor units (long), or give the connections EF's functions back");
        var plain = await App.QueryAsync(async db =>
        {
            // And the connection really is plain: EF's decimal addition is not there.
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT ef_add(1, 2);");
                return false;
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.Message.Contains("no such function", StringComparison.Ordinal))
            {
                return true;
            }
        });
        Assert.That(plain, Is.True);
    }

    [Test]
    public async Task Ready_ReportsTheDatabaseAndMigrations()
    {
        using var client = App.CreateClient();
        var checks = (await (await client.GetAsync("/health/ready")).ReadJsonAsync()).GetProperty("checks");
        Assert.That(checks.GetProperty("database").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(checks.GetProperty("migrations").GetProperty("description").GetString(), Does.Contain("All migrations are applied"));
    }

    [Test]
    public async Task OpenApi_DescribesTheCustomerRoutes()
    {
        using var client = App.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");
        Assert.That(paths.TryGetProperty("/api/customers", out _), Is.True);
        Assert.That(paths.TryGetProperty("/api/customers/{id}/contact-preferences", out _), Is.True);
        Assert.That((await client.GetAsync("/scalar")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Sqlite_HasNoModelChangesWithoutAMigration()
    {
        var pending = await App.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.That(pending, Is.False, "Add a migration to db/Dealership.Migrations.Sqlite (see db/README.md)");
    }

    [Test]
    public void SqlServer_HasNoModelChangesWithoutAMigration()
    {
        using var db = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);
        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "Add a migration to db/Dealership.Migrations.SqlServer (see db/README.md)");
    }

    [Test]
    public void SqlServer_BothProvidersHaveTheSameMigrations()
    {
        using var sqlServer = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);
        using var sqlite = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.That(Names(sqlServer), Is.EqualTo(Names(sqlite)), "Migrations are kept in step: add each one to both projects with the same name");
    }

    [Test]
    public void SqlServer_CommittedScriptIsCurrent()
    {
        using var db = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(Fakes.Loopback.RepositoryRoot(), "db", "scripts", "sqlserver.sql"));
        Assert.That(Normalize(committed), Is.EqualTo(Normalize(expected)), "db/scripts/sqlserver.sql is stale: run db/generate-scripts.sh");
    }

    [Test]
    public void PostgreSql_HasNoModelChangesWithoutAMigration()
    {
        using var db = new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);
        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "Add a migration to db/Dealership.Migrations.PostgreSql (see db/README.md)");
    }

    /// <summary>
    /// PostgreSQL joined later: its history starts with one baseline of the whole model as it was, and every
    /// migration added to the others after that baseline must be added to it too, under the same name.
    /// </summary>
    [Test]
    public void PostgreSql_KeepsInStepWithTheOthersSinceItsBaseline()
    {
        using var postgres = new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);
        using var sqlite = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        var ours = postgres.Database.GetMigrations().ToList();
        Assert.That(ours[0], Does.EndWith("_PostgreSqlBaseline"));
        var baselineStamp = ours[0][..ours[0].IndexOf('_', StringComparison.Ordinal)];
        static string Name(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        var sinceBaseline = sqlite.Database.GetMigrations()
            .Where(id => string.CompareOrdinal(id[..id.IndexOf('_', StringComparison.Ordinal)], baselineStamp) > 0)
            .Select(Name);
        Assert.That(ours.Skip(1).Select(Name), Is.EqualTo(sinceBaseline), "Add each new migration to db/Dealership.Migrations.PostgreSql too, with the same name");
    }

    [Test]
    public void PostgreSql_CommittedScriptIsCurrent()
    {
        using var db = new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(Fakes.Loopback.RepositoryRoot(), "db", "scripts", "postgresql.sql"));
        Assert.That(Normalize(committed), Is.EqualTo(Normalize(expected)), "db/scripts/postgresql.sql is stale: run db/generate-scripts.sh");
    }

    [Test]
    public async Task PurgeJob_DeletesIdempotencyRecordsOlderThanTheRetention()
    {
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
            var now = App.Clock.GetUtcNow().UtcDateTime;
            db.IdempotencyRecords.AddRange(
                new IdempotencyRecord { Scope = "purge-test", Key = "old", RequestHash = "h", StatusCode = 201, CreatedAt = now.AddHours(-49) },
                new IdempotencyRecord { Scope = "purge-test", Key = "recent", RequestHash = "h", StatusCode = 201, CreatedAt = now.AddHours(-47) });
            await db.SaveChangesAsync();
        }

        using (var scope = App.Services.CreateScope())
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<PurgeExpiredIdempotencyRecords>().RunAsync(CancellationToken.None);
            Assert.That(deleted, Is.GreaterThanOrEqualTo(1));
        }

        var left = await App.QueryAsync(db => db.IdempotencyRecords.Where(r => r.Scope == "purge-test").Select(r => r.Key).ToListAsync());
        Assert.That(left, Is.EqualTo(new[] { "recent" }));
    }

    [Test]
    public async Task QueryStatistics_TakenWhenATableWasSmall_AreRefreshedOnceItHasGrown()
    {
        // Statistics measured at a handful of tasks make SQLite scan the whole table once it holds thousands. The index
        // measured holds only tasks with a key, so those are what is counted.
        var site = await App.QueryAsync(db => db.Sites.Select(s => s.Id).FirstAsync());
        var now = DateTime.UtcNow;
        async Task<int> AddTasksAsync(int count)
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
            for (var i = 0; i < count; i++)
            {
                db.Tasks.Add(new Domain.Tasks.StaffTask(site, null, $"Statistics {i}", "Grows the table.", now.AddDays(1), null, null, [], now, $"statistics-test/{Guid.NewGuid()}"));
            }

            await db.SaveChangesAsync();
            return await db.Tasks.CountAsync(t => t.DeduplicationKey != null);
        }

        async Task<long> MeasuredRowsAsync() => await App.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'Tasks' AND idx = 'IX_Tasks_DeduplicationKey'";
            var stat = (string?)await command.ExecuteScalarAsync() ?? "0";
            return long.Parse(stat.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        });

        var small = await AddTasksAsync(3);
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE Tasks"));
        Assert.That(await MeasuredRowsAsync(), Is.EqualTo(small).Within(5), "the stale starting point");

        // SQLite re-measures a table once all its rows (with a key or not: other tests add tasks too) have grown well past
        // tenfold: 14-fold was not enough here, 30-fold is.
        var rows = await App.QueryAsync(db => db.Tasks.CountAsync());
        var grown = await AddTasksAsync((rows * 30) + 50);
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RefreshQueryStatistics>().RunAsync(CancellationToken.None);
        }

        Assert.That(await MeasuredRowsAsync(), Is.GreaterThan(small * 5).And.LessThanOrEqualTo(grown + 50), "re-measured after growing thirtyfold");
    }

    private static string Normalize(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().TrimStart('\uFEFF');


    [Test]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndPagesRunOnlyTheAppsOwnScripts()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var path in new[] { "/login", "/api/sites", "/track/not-a-token", "/css/site.css", "/error", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"), path);
            Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"), path);
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"), path + ": a tracking token never leaks in a Referer");
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.That(policy, Does.Contain("script-src 'self';").And.Contain("frame-ancestors 'none'"), path);
        }

        var page = await (await client.GetAsync("/login")).Content.ReadAsStringAsync();
        Assert.That(page, Does.Not.Contain("<script>").And.Not.Contain("onchange=").And.Not.Contain("onclick="), "nothing inline for the policy to block");
    }

    [Test]
    public async Task OnSqlite_AContextOpensItsConnectionOnce_AndGivesItBackWhenTheScopeEnds()
    {
        System.Data.Common.DbConnection connection;
        var opened = 0;
        void Count(object? sender, System.Data.StateChangeEventArgs change) => opened += change.CurrentState == System.Data.ConnectionState.Open ? 1 : 0;
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
            connection = db.Database.GetDbConnection();
            connection.StateChange += Count;
            await db.Sites.CountAsync();
            await db.Customers.Take(1).ToListAsync();
            await db.Tasks.CountAsync();
            Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Open), "still open between queries");
        }

        connection.StateChange -= Count;
        Assert.That(opened, Is.EqualTo(1), "each open registers EF's SQL functions again (issue #14)");
        Assert.That(connection.State, Is.EqualTo(System.Data.ConnectionState.Closed), "given back with the context");
    }
    [Test]
    public async Task OnSqlite_ManyNewRowsInOneSave_AreStoredExactlyAsEfStoresOne_AndCommitOrFailTogether()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var site = await App.QueryAsync(db => db.Sites.Select(s => s.Id).FirstAsync());
        var at = new DateTime(2026, 11, 22, 21, 15, 30, 123, DateTimeKind.Utc).AddTicks(4567);
        var staff = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        Domain.Journey.Touchpoint Touchpoint(string summary, Guid? staffId) => new(who.CustomerId, site, at, Domain.Journey.TouchpointKind.StatusChanged,
            Domain.Journey.TouchpointDirection.Outbound, Domain.Journey.TouchpointActor.Dealer, proactive: true, summary, staffId, subjectType: "appointment", subjectId: Guid.NewGuid());
        Domain.Tasks.StaffTask NewTask(string key) => new(site, null, "Parts will not make it", "Call them.", at.AddHours(4), "appointment", Guid.NewGuid(), [who.CustomerId], at, key);

        // One row the usual way, then a save with many of the same kind.
        var single = Touchpoint("same words", staff);
        await App.QueryAsync(async db =>
        {
            db.Touchpoints.Add(single);
            await db.SaveChangesAsync();
            return 0;
        });
        // The first row without a member of staff, the rest with one: the bulk path makes its parameters from the first
        // row and sets the others' values on them, so a value missing in the first must still be written in the rest.
        var many = Enumerable.Range(0, 60).Select(i => Touchpoint("same words", i == 0 ? null : staff)).ToList();
        var deferred = await App.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Touchpoints.AddRange(many);
            db.Tasks.AddRange(Enumerable.Range(0, 60).Select(i => NewTask($"bulk-test/{who.CustomerId}/{i}")));
            await db.SaveChangesAsync();
            var probe = await db.Database.SqlQueryRaw<long>("SELECT defer_foreign_keys AS Value FROM pragma_defer_foreign_keys").SingleAsync();
            await transaction.CommitAsync();
            return probe;
        });
        Assert.That(deferred, Is.EqualTo(1), "the many rows went through the bulk path");

        async Task<Dictionary<string, object?>> StoredAsync(Guid id) => await App.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM Touchpoints WHERE Id = $id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$id";
            parameter.Value = id.ToString().ToUpperInvariant();
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.That(await reader.ReadAsync(), Is.True, $"row {id} stored");
            return Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) is not ("Id" or "SubjectId"))
                .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
        });
        Assert.That(await StoredAsync(many[17].Id), Is.EqualTo(await StoredAsync(single.Id)), "every column as EF writes it");
        Assert.That((await StoredAsync(many[0].Id))["StaffId"], Is.Null);
        var read = await App.QueryAsync(db => db.Touchpoints.AsNoTracking().Where(t => t.CustomerId == who.CustomerId && t.Summary == "same words").ToListAsync());
        Assert.That(read, Has.Count.EqualTo(61));
        Assert.That(read.Select(t => (t.OccurredAt, t.OccurredAt.Kind, t.Kind, t.Proactive)).Distinct().Single(), Is.EqualTo((at, DateTimeKind.Utc, Domain.Journey.TouchpointKind.StatusChanged, true)));

        // A save that breaks a unique key fails as EF's own would (409 upstream) and leaves nothing behind.
        var failed = Assert.ThrowsAsync<DbUpdateException>(() => App.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Touchpoints.AddRange(Enumerable.Range(0, 60).Select(_ => Touchpoint("never kept", staff)));
            db.Tasks.AddRange(Enumerable.Range(59, 60).Select(i => NewTask($"bulk-test/{who.CustomerId}/{i}")));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return 0;
        }));
        Assert.That(failed!.InnerException, Is.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Property("SqliteErrorCode").EqualTo(19));
        Assert.That(await App.QueryAsync(db => db.Touchpoints.CountAsync(t => t.Summary == "never kept")), Is.Zero);
        Assert.That(await App.QueryAsync(db => db.Tasks.CountAsync(t => t.DeduplicationKey!.StartsWith($"bulk-test/{who.CustomerId}/"))), Is.EqualTo(60));
    }

    [Test]
    public async Task OnSqlite_ABulkSaveThatBreaksAForeignKey_IsRefusedAtItsCommit_AsTheConflictEfWouldRaise_AndKeepsNothing()
    {
        // The bulk path defers foreign keys to the commit, which the save opens and commits itself here (no transaction).
        var site = await App.QueryAsync(db => db.Sites.Select(s => s.Id).FirstAsync());
        var nobody = Guid.NewGuid();
        var failed = Assert.ThrowsAsync<DbUpdateException>(() => App.QueryAsync(async db =>
        {
            db.Touchpoints.AddRange(Enumerable.Range(0, 60).Select(_ => new Domain.Journey.Touchpoint(nobody, site, DateTime.UtcNow, Domain.Journey.TouchpointKind.StatusChanged,
                Domain.Journey.TouchpointDirection.Outbound, Domain.Journey.TouchpointActor.Dealer, proactive: true, "for a customer who does not exist", staffId: null,
                subjectType: "appointment", subjectId: Guid.NewGuid())));
            await db.SaveChangesAsync();
            return 0;
        }));
        // The problem handler maps exactly this (a DbUpdateException around SQLite's constraint error) to 409.
        Assert.That(failed!.InnerException, Is.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Property("SqliteErrorCode").EqualTo(19));
        Assert.That(await App.QueryAsync(db => db.Touchpoints.CountAsync(t => t.CustomerId == nobody)), Is.Zero);
    }
}
