using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// One real app (SQLite file, migrations, demo data, HTTP stack) for the whole fixture: for tests that read,
/// or write data no other test of the fixture looks at. Override <see cref="ConfigureServices"/> to swap a port.
/// </summary>
public abstract class SharedAppTests
{
    protected DealershipApp App { get; private set; } = null!;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Settings the fixture's app starts with, over the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        App = new DealershipApp(ConfigureServices, Settings);
        await App.InitializeAsync();
    }

    [OneTimeTearDown]
    public void StopApp() => App.Dispose();
}

/// <summary>A fresh app for every test: for tests that move the clock or count on the demo data as seeded.</summary>
public abstract class FreshAppTests
{
    protected DealershipApp App { get; private set; } = null!;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [SetUp]
    public async Task StartAppAsync()
    {
        App = new DealershipApp(ConfigureServices);
        await App.InitializeAsync();
    }

    [TearDown]
    public void StopApp() => App.Dispose();
}
