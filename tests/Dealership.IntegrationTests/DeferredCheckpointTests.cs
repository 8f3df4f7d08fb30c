using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// A commit that wrote rows in bulk switches SQLite's checkpoint of the log off on its connection for the commit, puts
/// SQLite's default back straight after (whether the commit succeeded or not), and leaves the copy to a background
/// checkpoint once the write gate is free (ADR 0028). Every other commit keeps SQLite's own checkpoint.
/// </summary>
public sealed class DeferredCheckpointTests : FreshAppTests
{
    /// <summary>SqliteBulkInsert.Threshold: fewer new rows of a table go through EF as usual.</summary>
    private const int BulkRows = 60;

    private const string Off = "PRAGMA wal_autocheckpoint = 0;";
    private const string BackOn = "PRAGMA wal_autocheckpoint = 1000;";

    private readonly StatementLog _log = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<DealershipDbContext>(o => o.AddInterceptors(new StatementLog.Commands(_log), new StatementLog.Commits(_log)));

    [Test]
    public async Task ABulkSave_CommitsWithoutSqlitesCheckpoint_ThenTheBackgroundCopiesTheLog()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var site = await App.SiteIdAsync("PDX");
        var checkpoints = App.Services.GetRequiredService<DeferredCheckpoints>();
        var before = checkpoints.CompleteCheckpoints;

        using var scope = App.Services.CreateScope();
        var unit = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var earlier = _log.Of(db).Length; // a pooled context: what earlier leases of it did is in the log too
        await unit.ExecuteAsync(async () =>
        {
            AddNotes(db, who.CustomerId, site, BulkRows);
            await unit.SaveAsync(CancellationToken.None);
        }, CancellationToken.None);

        Assert.That(_log.Of(db).Skip(earlier), Is.EqualTo(new[] { Off, "commit", BackOn }));
        Assert.That(await AutomaticCheckpointPagesAsync(db), Is.EqualTo(1000), "the connection goes back to the pool with SQLite's default");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (checkpoints.CompleteCheckpoints == before)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "no background checkpoint followed the bulk commit");
            await Task.Delay(50);
        }

        Assert.That(await App.QueryAsync(d => d.Touchpoints.CountAsync(t => t.CustomerId == who.CustomerId && t.Summary == "bulk note")), Is.EqualTo(BulkRows));
    }

    [Test]
    public async Task AnEverydaySave_KeepsSqlitesOwnCheckpoint()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var site = await App.SiteIdAsync("PDX");
        using var scope = App.Services.CreateScope();
        var unit = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var earlier = _log.Of(db).Length; // a pooled context: what earlier leases of it did is in the log too
        await unit.ExecuteAsync(async () =>
        {
            AddNotes(db, who.CustomerId, site, BulkRows - 20);
            await unit.SaveAsync(CancellationToken.None);
        }, CancellationToken.None);

        Assert.That(_log.Of(db).Skip(earlier), Is.EqualTo(new[] { "commit" }));
    }

    [Test]
    public async Task ABulkCommitThatFails_StillGivesTheConnectionSqlitesCheckpointBack()
    {
        var site = await App.SiteIdAsync("PDX");
        using var scope = App.Services.CreateScope();
        var unit = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var earlier = _log.Of(db).Length; // a pooled context: what earlier leases of it did is in the log too
        // A customer who does not exist: rows written in bulk check their foreign keys at the commit, which refuses them.
        Assert.ThrowsAsync<DbUpdateException>(() => unit.ExecuteAsync(async () =>
        {
            AddNotes(db, Guid.NewGuid(), site, BulkRows);
            await unit.SaveAsync(CancellationToken.None);
        }, CancellationToken.None));

        Assert.That(_log.Of(db).Skip(earlier), Is.EqualTo(new[] { Off, "commit failed", BackOn }));
        Assert.That(await AutomaticCheckpointPagesAsync(db), Is.EqualTo(1000));
    }

    private void AddNotes(DealershipDbContext db, Guid customerId, Guid siteId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            db.Touchpoints.Add(new Touchpoint(customerId, siteId, App.Clock.GetUtcNow().UtcDateTime, TouchpointKind.StaffNote, TouchpointDirection.Internal,
                TouchpointActor.Dealer, proactive: false, "bulk note"));
        }
    }

    private static async Task<int> AutomaticCheckpointPagesAsync(DealershipDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Each context's checkpoint settings and commits, in the order they happened.</summary>
    private sealed class StatementLog
    {
        private readonly ConcurrentQueue<(DbContext? Context, string What)> _entries = new();

        public string[] Of(DbContext context) => _entries.Where(e => ReferenceEquals(e.Context, context)).Select(e => e.What).ToArray();

        private void Add(DbContext? context, string what) => _entries.Enqueue((context, what));

        public sealed class Commands(StatementLog log) : DbCommandInterceptor
        {
            public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
                CancellationToken cancellationToken = default)
            {
                if (command.CommandText.Contains("wal_autocheckpoint", StringComparison.Ordinal))
                {
                    log.Add(eventData.Context, command.CommandText);
                }

                return ValueTask.FromResult(result);
            }
        }

        public sealed class Commits(StatementLog log) : DbTransactionInterceptor
        {
            public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
            {
                log.Add(eventData.Context, "commit");
                return Task.CompletedTask;
            }

            public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
            {
                if (eventData.Action == "Commit")
                {
                    log.Add(eventData.Context, "commit failed");
                }

                return Task.CompletedTask;
            }
        }
    }
}
