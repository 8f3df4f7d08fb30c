using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>
/// A real SMTP server process (Debian's python3-aiosmtpd) that stores every message it accepts in a Maildir.
/// Tests stop and start it to simulate an outage.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private Process? _process;

    public SmtpServer()
    {
        Port = Loopback.FreePort();
        Maildir = Path.Combine(Path.GetTempPath(), "dealership-smtp", Guid.NewGuid().ToString("N"));
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, sub));
        }
    }

    public int Port { get; }

    public string Maildir { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>How long the server sits on each message before accepting it: a slow (not down) mail server.</summary>
    public TimeSpan Delay
    {
        set => File.WriteAllText(DelayFile, value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private string DelayFile => Maildir + ".delay";

    private string HandlerFolder => Maildir + ".handler";

    // aiosmtpd's own Maildir handler, with an adjustable pause before each message is taken.
    private const string SlowableMailbox = """
        import asyncio
        from aiosmtpd.handlers import Mailbox

        class SlowableMailbox(Mailbox):
            async def handle_DATA(self, server, session, envelope):
                try:
                    with open(self.mail_dir + ".delay") as f:
                        delay = float(f.read() or "0")
                except OSError:
                    delay = 0
                if delay > 0:
                    await asyncio.sleep(delay)
                return await super().handle_DATA(server, session, envelope)
        """;

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        Directory.CreateDirectory(HandlerFolder);
        File.WriteAllText(Path.Combine(HandlerFolder, "slowable_mailbox.py"), SlowableMailbox);
        var start = new ProcessStartInfo("/usr/bin/python3", $"-m aiosmtpd -n -l 127.0.0.1:{Port} -c slowable_mailbox.SlowableMailbox {Maildir}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = HandlerFolder;
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd; tests/run.sh installs python3-aiosmtpd.");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"aiosmtpd exited: {_process.StandardError.ReadToEnd()}");
                }

                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not start listening within 15 seconds.");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time).Select(f => MimeMessage.Load(f.File)).ToList()
            : [];
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it.
        }
    }

}
