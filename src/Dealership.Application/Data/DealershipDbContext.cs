using Dealership.Application.Orders;
using Dealership.Domain.Handover;
using Dealership.Domain.Common;
using Dealership.Domain.Customers;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Dealership.Domain.Orders;
using Dealership.Domain.Tasks;
using Dealership.Domain.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dealership.Application.Data;

/// <summary>
/// The one DbContext, and the repository (no wrappers over DbSet). Provider-neutral: the same model runs on
/// SQLite (embedded default, tests) and SQL Server (production); migrations live in db/, one project each.
/// </summary>
public sealed class DealershipDbContext(DbContextOptions<DealershipDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Site> Sites => Set<Site>();

    public DbSet<StaffSiteAssignment> StaffSites => Set<StaffSiteAssignment>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Vehicle> Vehicles => Set<Vehicle>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<SeedMark> SeedMarks => Set<SeedMark>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<TrackingLink> TrackingLinks => Set<TrackingLink>();

    public DbSet<TemplateVersion> TemplateVersions => Set<TemplateVersion>();

    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();

    public DbSet<PhoneConsent> PhoneConsents => Set<PhoneConsent>();

    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();

    public DbSet<StaffTask> Tasks => Set<StaffTask>();

    public DbSet<VehicleOrder> Orders => Set<VehicleOrder>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<CollectionBooking> CollectionBookings => Set<CollectionBooking>();

    public DbSet<StaffAvailability> StaffAvailability => Set<StaffAvailability>();

    public DbSet<Dealership.Domain.Promises.CustomerPromise> Promises => Set<Dealership.Domain.Promises.CustomerPromise>();

    public DbSet<Dealership.Domain.Service.ServiceOperation> ServiceOperations => Set<Dealership.Domain.Service.ServiceOperation>();

    public DbSet<Dealership.Domain.Service.ServiceAppointment> Appointments => Set<Dealership.Domain.Service.ServiceAppointment>();

    public DbSet<Dealership.Domain.Service.WorkshopDay> WorkshopDays => Set<Dealership.Domain.Service.WorkshopDay>();

    public DbSet<Dealership.Domain.Parts.Part> Parts => Set<Dealership.Domain.Parts.Part>();

    public DbSet<Dealership.Domain.Parts.Supplier> Suppliers => Set<Dealership.Domain.Parts.Supplier>();

    public DbSet<Dealership.Domain.Parts.PartsOrder> PartsOrders => Set<Dealership.Domain.Parts.PartsOrder>();

    public DbSet<Dealership.Domain.Parts.SupplierEmail> SupplierEmails => Set<Dealership.Domain.Parts.SupplierEmail>();

    public DbSet<Dealership.Domain.Decisions.Decision> Decisions => Set<Dealership.Domain.Decisions.Decision>();

    public DbSet<Dealership.Domain.Decisions.DiscretionPolicy> Policies => Set<Dealership.Domain.Decisions.DiscretionPolicy>();

    public DbSet<Dealership.Domain.TradeIns.TradeIn> TradeIns => Set<Dealership.Domain.TradeIns.TradeIn>();

    public DbSet<Dealership.Domain.Custody.CustodyRecord> Custody => Set<Dealership.Domain.Custody.CustodyRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DealershipDbContext).Assembly);
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            QuoteColumnsInRawSql(builder);
        }
    }

    /// <summary>
    /// The few raw SQL fragments of the model (check constraints, filtered indexes) name columns bare, as SQLite
    /// and SQL Server read them case-insensitively. PostgreSQL folds a bare name to lower case ("OnHand" becomes
    /// onhand, which does not exist), so for it every column name in them is quoted. The others keep their SQL.
    /// </summary>
    private static void QuoteColumnsInRawSql(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).Distinct(StringComparer.Ordinal).ToList();
            string Quote(string sql) => columns.Aggregate(sql, (text, column) =>
                System.Text.RegularExpressions.Regex.Replace(text, $"(?<![\"\\w]){column}(?![\"\\w])", $"\"{column}\""));
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                var sql = Quote(check.Sql);
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName, sql);
            }

            foreach (var index in entity.GetIndexes().Where(i => i.GetFilter() is not null))
            {
                index.SetFilter(Quote(index.GetFilter()!));
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in storage; SQLite and SQL Server both lose the Kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var saved = AdvanceVersions();
        var board = NoteBoardChanges();
        var result = base.SaveChanges(acceptAllChangesOnSuccess);
        saved.ForEach(a => a.MarkSaved());
        BoardChangedIfCommitted(board);
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is null && SqliteBulkInsert.Applies(this))
        {
            // Many new rows and no transaction (a job's save between units, the watchdog's page of alerts): one is opened
            // here, as EF would have, so the rows written in bulk commit with the rest of the save or not at all.
            // Changes are accepted only once the commit has happened, as EF does with a transaction of its own.
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var (result, inBulk) = await SaveInTransactionAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            try
            {
                await CommitAsync(transaction, cancellationToken);
            }
            catch
            {
                SqliteBulkInsert.Unsave(inBulk);
                throw;
            }

            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return result;
        }

        return (await SaveInTransactionAsync(acceptAllChangesOnSuccess, cancellationToken)).Written;
    }

    /// <summary>The save itself; also returns the rows written in bulk, to put back to new if the commit fails.</summary>
    private async Task<(int Written, IReadOnlyList<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> InBulk)> SaveInTransactionAsync(
        bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var saved = AdvanceVersions();
        var board = NoteBoardChanges();
        var inBulk = await SqliteBulkInsert.WriteAsync(this, cancellationToken);
        int written;
        try
        {
            written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            SqliteBulkInsert.Unsave(inBulk);
            throw;
        }

        saved.ForEach(a => a.MarkSaved());
        BoardChangedIfCommitted(board);
        return (inBulk.Count + written, inBulk);
    }

    /// <summary>
    /// Gives entities added through an aggregate's navigation (a customer's new vehicle, an order's new
    /// payment) their keys now rather than at save, so a view built before the unit commits shows the real id.
    /// </summary>
    public void AssignKeys() => ChangeTracker.DetectChanges();

    /// <summary>
    /// The embedded SQLite database: one writer at a time, byte-order comparisons, statistics nobody refreshes but us.
    /// The few places that behave differently on it ask here.
    /// </summary>
    public bool OnSqlite => _onSqlite ??= Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// On SQLite, closes the connection <see cref="SqliteConnectionPerLease"/> keeps open, when no transaction uses it:
    /// it goes back to Microsoft.Data.Sqlite's pool with its page cache, and the next query opens it again.
    /// Closed on the connection itself, because EF's own close is what the lease suppresses.
    /// </summary>
    public void ReleaseIdleSqliteConnection()
    {
        if (OnSqlite && Database.CurrentTransaction is null && Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } connection)
        {
            connection.Close();
        }
    }

    // Kept: EF works the provider's name out from its assembly's name on every call (a pooled context's provider never changes).
    private bool? _onSqlite;

    /// <summary>
    /// Entities of this type the unit already tracks (added or read), without scanning for changes first:
    /// DbSet.Local detects changes across every tracked entity on each call, which a job holding thousands of
    /// aggregates (the dispatcher's batch, the watchdog's page of new rows) paid once per domain event. Added entities
    /// are tracked on Add, so they are here.
    /// </summary>
    public IReadOnlyList<T> Tracked<T>() where T : class => WithoutScanning(() => Set<T>().Local.ToList());

    /// <summary>
    /// Every tracked aggregate, without scanning for changes first. An aggregate reached only
    /// through another's navigation since the last scan is not here yet; the caller scans when that matters.
    /// </summary>
    public IReadOnlyList<AggregateRoot> TrackedAggregates() =>
        WithoutScanning(() => ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList());

    private TResult WithoutScanning<TResult>(Func<TResult> read)
    {
        using (PauseScanning())
        {
            return read();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> with EF's automatic scans for changes off, and puts the setting back after. For a
    /// caller that has just scanned and whose next steps only read entry states or set them explicitly: each of those
    /// steps would otherwise walk every tracked entity again (ADR 0026). Whatever the work changes on an entity behind
    /// EF's back is not seen until the next scan.
    /// </summary>
    public async Task WithoutScanningAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using (PauseScanning())
        {
            await work();
        }
    }

    /// <summary>Turns automatic scans off until disposed, then puts back whatever the setting was.</summary>
    private ScanningPaused PauseScanning()
    {
        var paused = new ScanningPaused(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return paused;
    }

    private readonly struct ScanningPaused(ChangeTracker tracker, bool detecting) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = detecting;
    }

    /// <summary>
    /// Commits <paramref name="transaction"/>. On SQLite a save that wrote rows in bulk defers its foreign keys to the
    /// commit (<see cref="SqliteBulkInsert"/>), so a key broken by any of the transaction's statements is refused here
    /// rather than at its statement: it is raised as the <see cref="DbUpdateException"/> the statement would have
    /// raised, so callers and the problem handler treat it the same way (409, nothing changed).
    /// </summary>
    public async Task CommitAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        // A transaction that wrote rows in bulk commits without SQLite's checkpoint of the log, which would copy its
        // thousands of pages into the file while this process's writers wait; DeferredCheckpoints copies them after
        // (ADR 0028). The setting belongs to the connection, which goes back to the pool: it is SQLite's default again
        // before this returns, on the same connection (held open here, so the commit does not close it in between).
        var deferCheckpoint = OnSqlite && _writtenInBulk == transaction.TransactionId;
        _writtenInBulk = null;
        _checkpointDeferred = false;
        if (deferCheckpoint)
        {
            await Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            if (deferCheckpoint)
            {
                await Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint = 0;", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex) when (OnSqlite)
        {
            // The problem handler reads the provider's error inside: a constraint is 409, a busy file 409, anything else 500.
            throw new DbUpdateException($"The database refused to commit the changes: {ex.Message}", ex);
        }
        finally
        {
            if (deferCheckpoint)
            {
                await RestoreSqliteCheckpointAsync();
            }
        }

        _checkpointDeferred = deferCheckpoint;
        var board = _boardChanges;
        _boardChanges = null;
        if (board is { } changed && changed.TransactionId == transaction.TransactionId)
        {
            Rankings?.Changed(changed.Sites);
        }
    }

    // Sites whose deliveries board ranking a transaction's saves changed: told to BoardRankings at the save, and again
    // once that transaction commits, so a ranking read in between (without the uncommitted rows) is not kept either.
    // Tied to the transaction, as the bulk note is: a unit rolled back leaves nothing for the next lease's commit.
    private (Guid TransactionId, HashSet<Guid?> Sites)? _boardChanges;

    // The process's board rankings, from the application's services: none where a tool builds the context by hand.
    private BoardRankings? Rankings =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(BoardRankings)) as BoardRankings;

    private HashSet<Guid?> NoteBoardChanges()
    {
        var sites = WithoutScanning(() => BoardRankings.SitesChangedBy(ChangeTracker));
        if (sites.Count > 0)
        {
            Rankings?.Changed(sites);
            if (Database.CurrentTransaction is { } transaction)
            {
                if (_boardChanges?.TransactionId != transaction.TransactionId)
                {
                    _boardChanges = (transaction.TransactionId, []);
                }

                _boardChanges.Value.Sites.UnionWith(sites);
            }
        }

        return sites;
    }

    /// <summary>A save outside a transaction has committed by now: its changes are told again, as a commit's are.</summary>
    private void BoardChangedIfCommitted(HashSet<Guid?> sites)
    {
        if (sites.Count > 0 && Database.CurrentTransaction is null)
        {
            Rankings?.Changed(sites);
        }
    }

    /// <summary>SQLite's own threshold for checkpointing the log at a commit (pages), which the product never changes.</summary>
    internal const int SqliteCheckpointPages = 1000;

    // The transaction that wrote rows in bulk, so a note left by a unit that never committed cannot reach another's commit.
    private Guid? _writtenInBulk;
    private bool _checkpointDeferred;

    /// <summary>Called by <see cref="SqliteBulkInsert"/> when <paramref name="transactionId"/> writes rows in bulk.</summary>
    internal void NoteWrittenInBulk(Guid transactionId) => _writtenInBulk = transactionId;

    /// <summary>True once after a commit that left the log's checkpoint to <see cref="DeferredCheckpoints"/>.</summary>
    internal bool TakeDeferredCheckpoint()
    {
        var due = _checkpointDeferred;
        _checkpointDeferred = false;
        return due;
    }

    private async Task RestoreSqliteCheckpointAsync()
    {
        try
        {
            await Database.ExecuteSqlRawAsync($"PRAGMA wal_autocheckpoint = {SqliteCheckpointPages};", CancellationToken.None);
        }
        catch (System.Data.Common.DbException)
        {
            // Only a connection that has failed cannot set a PRAGMA. The commit's own outcome stands: one that succeeded
            // is not reported as failed (its rows would be put back to new), and one that failed keeps its own error.
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Bumps the version of every aggregate that is saved. Because the version is a concurrency token, EF
    /// puts the original value in the UPDATE's WHERE clause: a writer holding an older copy updates nothing
    /// and gets DbUpdateConcurrencyException (HTTP 409) instead of silently overwriting.
    /// </summary>
    private List<AggregateRoot> AdvanceVersions()
    {
        // A caller that turned automatic detection off has scanned already (EF's own rule for SaveChanges).
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        var saved = new List<AggregateRoot>();
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>())
        {
            if (entry.Entity is Domain.Service.ServiceAppointment { IsPlanningCopy: true } copy)
            {
                // Saved whole, it would write its missing concern, operations and workshop record as empty (UntrackedVisits).
                throw new InvalidOperationException($"Visit {copy.Id} was built for parts planning only and cannot be saved by EF.");
            }

            if (entry.State == EntityState.Added)
            {
                saved.Add(entry.Entity);
            }
            else if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && HasChangedChildren(entry)))
            {
                entry.Entity.RecordChange();
                entry.Property(e => e.Version).IsModified = true;
                saved.Add(entry.Entity);
            }
        }

        foreach (var entry in ChangeTracker.Entries<StaffUser>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
            entry.Property(e => e.Version).IsModified = true;
        }

        return saved;
    }

    private static bool HasChangedChildren(EntityEntry<AggregateRoot> entry) =>
        entry.Collections.Any(c => c.CurrentValue is not null &&
            c.CurrentValue.Cast<object>().Any(child => entry.Context.Entry(child).State is EntityState.Added or EntityState.Modified or EntityState.Deleted));
}
