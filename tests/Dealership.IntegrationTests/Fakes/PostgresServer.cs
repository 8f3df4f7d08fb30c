using System.Diagnostics;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>
/// A real PostgreSQL server (Debian's postgresql package, installed by tests/run.sh) in a throwaway cluster on
/// loopback: initdb into a temporary folder, pg_ctl start on a free port, trust authentication for the one
/// local user. PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres account.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asRoot = Environment.UserName == "root";

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=40;Timeout=15;Command Timeout=60";

    public static PostgresServer Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL's server programs are missing (/usr/lib/postgresql/*/bin/initdb); tests/run.sh installs Debian's postgresql package.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "dealership-pg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(bin, folder, Loopback.FreePort());
        if (server._asRoot)
        {
            Run("/bin/chown", $"-R postgres {Path.GetDirectoryName(folder)}");
        }

        server.Pg("initdb", $"-D {folder}/data -A trust -U postgres -E UTF8 --locale=C --no-sync");
        server.Pg("pg_ctl", $"-D {folder}/data -l {folder}/server.log -w -t 60 -o \"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300\" start");
        return server;
    }

    public void CreateDatabase(string name) => Psql("postgres", $"-c \"CREATE DATABASE {name}\"");

    /// <summary>Runs a SQL file with psql, stopping at the first error (what deploy/migrate.sh --script does).</summary>
    public string ApplyScript(string database, string file) => Psql(database, $"-v ON_ERROR_STOP=1 -q -f {file}");

    public void Dispose()
    {
        try
        {
            Pg("pg_ctl", $"-D {_folder}/data -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped: nothing to clean but the folder.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Psql(string database, string arguments) => Run("/usr/bin/psql", $"-h 127.0.0.1 -p {Port} -U postgres -d {database} {arguments}");

    private string Pg(string program, string arguments) =>
        _asRoot ? Run("/usr/sbin/runuser", $"-u postgres -- {Path.Combine(_bin, program)} {arguments}") : Run(Path.Combine(_bin, program), arguments);

    private static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {error} {output.Result}");
        }

        return output.Result + error;
    }

}
