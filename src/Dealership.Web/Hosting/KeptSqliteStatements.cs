using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dealership.Web.Hosting;

/// <summary>
/// On SQLite, keeps each pooled context's connection open for as long as the context lives, and the connection's
/// compiled statements between uses. Microsoft.Data.Sqlite compiles a command's SQL on its first run and throws the
/// compiled statement away when the command is disposed, and EF makes a new command for every query and every save.
/// Compiling is SQLite planning the statement: for an order with its owned rows, or a trade-in's fifty columns, it took
/// longer than running it. Under the milestones' load a third of the process's CPU went to compiling the same fifteen
/// statements again (issue #14, session 20; ADR 0030). The library keeps no statements across commands
/// (dotnet/efcore#14044), and a command's statements die when its connection closes, which EF does whenever a context
/// goes back to its pool. So:
/// <list type="bullet">
/// <item>A context's connection is a <see cref="KeptConnection"/>, created plain, without EF's SQL functions: the
/// library registered them again on every open, each registration leaving a handle for the finalizer (see
/// <c>PlatformTests.TheModel_HasNoDecimalColumn</c> for why none is needed).</item>
/// <item>It ignores a close outside a transaction and stays open until the context is disposed (ADR 0026): an open
/// connection outside a transaction holds no lock and no snapshot in WAL mode. A close inside one is real, so a
/// transaction can never outlive its lease.</item>
/// <item>A command EF makes on it goes back on the connection's shelf when EF disposes it, with its compiled
/// statements, which the reader has reset. The next command with the same SQL on that connection is served from the
/// shelf with the new command's parameters and transaction.</item>
/// </list>
/// A shelf holds at most <see cref="StatementsPerConnection"/> commands, the least recently used going first. SQLite
/// compiles a kept statement again by itself when the schema changes. The server databases keep EF's behaviour: their
/// providers pool connections and prepare statements on the server.
/// </summary>
public sealed class KeptSqliteStatements : DbConnectionInterceptor, IDbCommandInterceptor
{
    /// <summary>Commands kept per connection: one request uses about fifteen texts, a day's mixed work a few hundred.</summary>
    public const int StatementsPerConnection = 64;

    /// <summary>Idle pooled contexts kept on SQLite, each with its open connection; past it a context and its connection close.</summary>
    public const int PooledContexts = 64;

    /// <summary>On one kept connection: commands that compiled their SQL, and commands served with it already compiled (for tests).</summary>
    public static (long Compiled, long Reused) CountsFor(DbConnection connection) =>
        connection is KeptConnection kept ? (kept.Shelf.Compiled, kept.Shelf.Reused) : (0, 0);

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.ConnectionString is { Length: > 0 } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(new KeptConnection(connectionString))
            : result;
    }

    /// <summary>A command on a kept connection is one that can go back on its shelf.</summary>
    public InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.Connection is KeptConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ShelvedCommand(connection.Shelf) { Connection = connection })
            : result;
    }

    /// <summary>Once EF has set the SQL, the parameters and the transaction: the same SQL already compiled, if the shelf has it.</summary>
    public DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result is not ShelvedCommand fresh)
        {
            return result;
        }

        if (!fresh.Shelf.TryTake(fresh.CommandText, out var kept))
        {
            return fresh;
        }

        var parameters = fresh.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            kept.Parameters.Add(parameters[i]);
        }

        parameters.Clear();
        kept.Transaction = fresh.Transaction;
        kept.CommandTimeout = fresh.CommandTimeout;
        fresh.Discard();
        return kept;
    }

    /// <summary>A plain SQLite connection that stays open across its context's leases, with its shelf of compiled commands.</summary>
    private sealed class KeptConnection(string connectionString) : SqliteConnection(connectionString)
    {
        private bool _disposing;

        public Shelf Shelf { get; } = new();

        public override void Open()
        {
            base.Open();
            // Lets Close() ask SQLite whether any statement on this connection is still running.
            Handle!.enable_sqlite3_next_stmt(true);
        }

        public override void Close()
        {
            // At the end of a lease there is nothing to end when SQLite is in autocommit mode (no transaction) and no
            // statement is still running (a reader nobody disposed would keep its snapshot, and the log, for ever).
            if (!_disposing && State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Handle) != 0 && !AnyStatementRunning())
            {
                return;
            }

            // Closing for real. A transaction EF does not know of (a raw BEGIN) is rolled back here: the library only
            // rolls back its own, and would pool the handle with the write lock still held.
            if (State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Handle) == 0)
            {
                SQLitePCL.raw.sqlite3_exec(Handle, "ROLLBACK;");
            }

            // The library disposes the connection's commands, which must not go back on the shelf.
            Shelf.Empty(closing: true);
            try
            {
                base.Close();
            }
            finally
            {
                Shelf.Empty(closing: false);
            }
        }

        protected override void Dispose(bool disposing)
        {
            _disposing = true;
            base.Dispose(disposing);
        }

        private bool AnyStatementRunning()
        {
            try
            {
                for (var statement = SQLitePCL.raw.sqlite3_next_stmt(Handle, null); statement is not null; statement = SQLitePCL.raw.sqlite3_next_stmt(Handle, statement))
                {
                    if (SQLitePCL.raw.sqlite3_stmt_busy(statement) != 0)
                    {
                        return true;
                    }
                }

                return false;
            }
            catch (Exception)
            {
                // Unable to tell: closing for real is always safe.
                return true;
            }
        }
    }

    /// <summary>One connection's kept commands by their SQL, least recently used first. Used by one context at a time.</summary>
    private sealed class Shelf
    {
        private readonly Dictionary<string, LinkedListNode<ShelvedCommand>> _byText = new(StringComparer.Ordinal);
        private readonly LinkedList<ShelvedCommand> _leastRecentFirst = new();
        private bool _closing;

        public long Compiled { get; private set; }

        public long Reused { get; private set; }

        public bool TryTake(string text, out ShelvedCommand command)
        {
            if (_byText.Remove(text, out var node))
            {
                _leastRecentFirst.Remove(node);
                command = node.Value;
                Reused++;
                return true;
            }

            Compiled++;
            command = null!;
            return false;
        }

        public bool TryPutBack(ShelvedCommand command)
        {
            var text = command.CommandText;
            // A command still reading is not done with its statements; one twin of the same SQL (the same query nested
            // in itself) is enough.
            if (_closing || text.Length == 0 || command.Connection?.State != ConnectionState.Open || command.Reading || _byText.ContainsKey(text))
            {
                return false;
            }

            command.Parameters.Clear();
            command.Transaction = null;
            _byText[text] = _leastRecentFirst.AddLast(command);
            if (_byText.Count > StatementsPerConnection)
            {
                var evicted = _leastRecentFirst.First!.Value;
                _leastRecentFirst.RemoveFirst();
                _byText.Remove(evicted.CommandText);
                evicted.Discard();
            }

            return true;
        }

        /// <summary>Finalizes every kept statement; while <paramref name="closing"/>, nothing goes back.</summary>
        public void Empty(bool closing)
        {
            _closing = closing;
            var commands = _leastRecentFirst.ToList();
            _leastRecentFirst.Clear();
            _byText.Clear();
            foreach (var command in commands)
            {
                command.Discard();
            }
        }
    }

    /// <summary>A command that goes back on its connection's shelf when EF disposes it, its compiled statements intact.</summary>
    private sealed class ShelvedCommand(Shelf shelf) : SqliteCommand
    {
        private bool _discarded;

        public Shelf Shelf => shelf;

        // Declared here, not only inherited: tracing reads these by name, and a name the library declares with `new`
        // over DbCommand's is ambiguous to reflection on a type derived from it (an exception on every command).
        public override SqliteConnection? Connection { get => base.Connection; set => base.Connection = value; }

        public override SqliteTransaction? Transaction { get => base.Transaction; set => base.Transaction = value; }

        public override SqliteParameterCollection Parameters => base.Parameters;

        public bool Reading => DataReader is not null;

        /// <summary>Disposes it for real: its statements are finalized.</summary>
        public void Discard()
        {
            _discarded = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_discarded && shelf.TryPutBack(this))
            {
                return;
            }

            // Disposed for real (by a real close, or discarded): its statements are gone, and it never goes back.
            _discarded = true;
            base.Dispose(disposing);
        }
    }
}
