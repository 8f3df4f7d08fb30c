using System.Net;
using System.Net.Sockets;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>What the real peers and processes of these tests share: a free port on loopback, and the repository.</summary>
public static class Loopback
{
    /// <summary>A port nobody is listening on right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding Dealership.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dealership.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Dealership.sln not found above the test folder.");
    }
}
