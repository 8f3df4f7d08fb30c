namespace Dealership.Web.Hosting;

/// <summary>
/// Where the app keeps its local state: the SQLite database, the generated development signing key, and
/// (later) the local notification outbox and attachments. DEALERSHIP_DATA_DIR overrides the default
/// <c>data/</c> folder under the content root.
/// </summary>
public sealed class AppPaths
{
    public AppPaths(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["DEALERSHIP_DATA_DIR"];
        DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data")
            : configured);
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string DefaultSqliteConnectionString => $"Data Source={Path.Combine(DataDirectory, "dealership.db")}";
}
