using Dealership.Application.TradeIns;

namespace Dealership.Web.Hosting;

/// <summary>Photos in the data folder (photos/…), under the names the application chose; nothing outside that folder is reachable.</summary>
public sealed class DataFolderPhotoStore(AppPaths paths) : IPhotoStore
{
    private readonly string _root = Path.Combine(paths.DataDirectory, "photos");

    public async Task SaveAsync(string storedName, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var path = Resolve(storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), ct);
    }

    public async Task<byte[]?> ReadAsync(string storedName, CancellationToken ct)
    {
        var path = Resolve(storedName);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    private string Resolve(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(_root, storedName));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException("A stored photo name left the photos folder.");
    }
}
