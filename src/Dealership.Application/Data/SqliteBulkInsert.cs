using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dealership.Application.Data;

/// <summary>
/// On SQLite, writes a save's many new rows of one plain table (a job's tasks, touchpoints and messages by the
/// thousand) through one prepared INSERT run once per row, before EF saves the rest. EF's SQLite provider sends
/// every row as its own command with its own bookkeeping: the parts planner's 14,000 new rows took 3.5 s that
/// way (issue #14, ADR 0026). Only inside a transaction (the save opens one when the caller has none), so the rows
/// commit or roll back with everything else; foreign keys are checked at commit (SQLite's defer_foreign_keys, which ends with the
/// transaction), so the order of the writes does not matter; a foreign key broken by any row of that transaction
/// is therefore reported at its commit, not at the statement. Parameters come from EF's own type mappings, so a row
/// is stored exactly as EF would store it. A failed save puts the entries back to new. Everyday commands never add
/// enough rows to get here.
/// </summary>
internal static class SqliteBulkInsert
{
    /// <summary>Fewer new rows of a table than this go through EF as usual.</summary>
    public const int Threshold = 50;

    private static readonly ConcurrentDictionary<IEntityType, Plan?> Plans = new();

    /// <summary>The INSERT for a table and the properties it binds, or null when the type is not plain enough.</summary>
    private sealed record Plan(string Sql, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> Columns);

    /// <summary>Writes the qualifying rows and returns their entries, now tracked as saved (see <see cref="Unsave"/>).</summary>
    public static async Task<IReadOnlyList<EntityEntry>> WriteAsync(DealershipDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            return [];
        }

        var groups = Groups(db);
        if (groups.Count == 0)
        {
            return [];
        }

        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await using (var defer = connection.CreateCommand())
        {
            defer.Transaction = dbTransaction;
            defer.CommandText = "PRAGMA defer_foreign_keys = ON;";
            await defer.ExecuteNonQueryAsync(ct);
        }

        db.NoteWrittenInBulk(transaction.TransactionId);

        var written = new List<EntityEntry>();
        try
        {
            await InsertAsync(connection, dbTransaction, groups, written, ct);
        }
        catch
        {
            Unsave(written);
            throw;
        }

        return written;
    }

    /// <summary>
    /// After a failed save the rows are not in the database: their entries go back to new, as EF leaves its own, so
    /// nothing tracked claims a row the rollback took away.
    /// </summary>
    public static void Unsave(IEnumerable<EntityEntry> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var entry in written)
        {
            entry.State = EntityState.Added;
        }
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction dbTransaction, List<(Plan Plan, List<EntityEntry> Entries)> groups,
        List<EntityEntry> written, CancellationToken ct)
    {
        foreach (var (plan, entries) in groups)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = dbTransaction;
            insert.CommandText = plan.Sql;

            // The first row's parameters are EF's own, made and configured by each column's type mapping; every later row
            // sets their values, converted as that mapping converts them. A new set per row cost 15,000 rows' worth of
            // parameters, entries and garbage collections in the planner's save (issue #14).
            DbParameter[]? parameters = null;
            foreach (var entry in entries)
            {
                var values = entry.CurrentValues;
                if (parameters is null)
                {
                    parameters = new DbParameter[plan.Columns.Count];
                    for (var i = 0; i < plan.Columns.Count; i++)
                    {
                        var (property, mapping) = plan.Columns[i];
                        parameters[i] = mapping.CreateParameter(insert, $"@p{i}", values[property], property.IsNullable);
                        insert.Parameters.Add(parameters[i]);
                    }
                }
                else
                {
                    for (var i = 0; i < plan.Columns.Count; i++)
                    {
                        var (property, mapping) = plan.Columns[i];
                        var value = values[property];
                        parameters[i].Value = (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                    }
                }

                try
                {
                    await insert.ExecuteNonQueryAsync(ct);
                }
                catch (DbException ex)
                {
                    // The same exception EF raises, so a unique key taken maps to 409 as it always has.
                    throw new DbUpdateException($"Writing a new {entry.Metadata.DisplayName()} failed: {ex.Message}", ex, [entry]);
                }
            }

            foreach (var entry in entries)
            {
                Saved(entry);
                written.Add(entry);
            }
        }
    }

    /// <summary>Whether this save has enough new rows of a plain table to write them this way.</summary>
    public static bool Applies(DealershipDbContext db) => Groups(db).Count > 0;

    private static List<(Plan Plan, List<EntityEntry> Entries)> Groups(DealershipDbContext db)
    {
        if (!db.OnSqlite)
        {
            return [];
        }

        // Every save on SQLite asks, and most track a handful of rows (or a sender's hundred, saved once per message):
        // one pass counts the new rows per type, and only a save with enough of one type goes on to plan anything.
        var entries = db.ChangeTracker.Entries().ToList();
        var added = new Dictionary<IEntityType, int>();
        foreach (var entry in entries)
        {
            if (entry.State == EntityState.Added)
            {
                added[entry.Metadata] = added.GetValueOrDefault(entry.Metadata) + 1;
            }
        }

        if (!added.Values.Any(count => count >= Threshold))
        {
            return [];
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        // EF orders a save's deletes and updates before its inserts (a removed task's key taken by a new one); rows
        // written first here could not honour that, so a type with rows going or changing in the same save stays with EF.
        var changing = entries.Where(e => e.State is EntityState.Deleted or EntityState.Modified).Select(e => e.Metadata).ToHashSet();
        return entries
                .Where(e => e.State == EntityState.Added && !changing.Contains(e.Metadata))
                .GroupBy(e => e.Metadata)
                .Where(g => g.Count() >= Threshold)
                .Select(g => (Plan: Plans.GetOrAdd(g.Key, PlanFor, sql), Entries: g.ToList()))
                .Where(g => g.Plan is not null && g.Entries.All(e => !e.Properties.Any(p => p.IsTemporary)))
                .Select(g => (g.Plan!, g.Entries))
                .ToList();
    }

    /// <summary>What is in the table is what the entity holds: it is tracked from now on as read, not as new.</summary>
    private static void Saved(EntityEntry entry)
    {
        entry.OriginalValues.SetValues(entry.CurrentValues);
        entry.State = EntityState.Unchanged;
    }

    /// <summary>
    /// A table of its own (not shared with another type), no owned or complex parts, and every value known before the insert (keys made here, no database
    /// defaults or computed columns): anything else is left to EF, which knows how to read such values back.
    /// </summary>
    private static Plan? PlanFor(IEntityType type, ISqlGenerationHelper sql)
    {
        var table = type.GetTableName();
        if (table is null || type.IsOwned() || type.FindDiscriminatorProperty() is not null || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) ||
            type.GetComplexProperties().Any() || type.GetTableMappings().Count() != 1 ||
            type.GetTableMappings().Single().Table.EntityTypeMappings.Count() > 1 || type.GetDeclaredServiceProperties().Any())
        {
            return null;
        }

        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = new List<(IProperty, RelationalTypeMapping)>();
        foreach (var property in type.GetProperties())
        {
            var generatedByDatabase = property.ValueGenerated != ValueGenerated.Never && !(property.IsPrimaryKey() && property.ClrType == typeof(Guid));
            if (generatedByDatabase || property.GetComputedColumnSql(store) is not null || property.GetDefaultValueSql(store) is not null ||
                property.GetColumnName(store) is null || property.GetRelationalTypeMapping() is not { } mapping)
            {
                return null;
            }

            columns.Add((property, mapping));
        }

        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Item1.GetColumnName(store)!)));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        return new Plan($"INSERT INTO {sql.DelimitIdentifier(table, type.GetSchema())} ({names}) VALUES ({values});", columns);
    }
}
