using Dealership.Application.Sites;
using Mediator;

namespace Dealership.Web.Hosting;

/// <summary>
/// <c>dotnet Dealership.Web.dll setup --Setup:SiteCode PDX --Setup:SiteName "…" …</c> (or the same as
/// <c>Setup__SiteCode</c> environment variables): creates the first site and Manager through the same
/// command pipeline as everything else, as the system, and says what it did. Safe to run again.
/// </summary>
public static class FirstRun
{
    public static async Task<int> SetUpAsync(IServiceProvider services, IConfiguration setup, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(output);
        var command = new SetUpFirstSite.Command(
            setup["SiteCode"] ?? "", setup["SiteName"] ?? "", setup["TimeZoneId"] ?? "", setup["Currency"] ?? "USD", setup["PhoneRegion"] ?? "US",
            setup["ManagerEmail"] ?? "", setup["ManagerName"] ?? "", setup["ManagerPassword"] ?? "");
        using var scope = services.CreateScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
            await output.WriteLineAsync($"Site {command.SiteCode.ToUpperInvariant()}: {(result.SiteCreated ? "created" : "already there, unchanged")} ({result.SiteId}).");
            await output.WriteLineAsync($"Manager {command.ManagerEmail}: {(result.ManagerCreated ? "created" : "already there; has the Manager role and the site")}.");
            return 0;
        }
        catch (FluentValidation.ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                await output.WriteLineAsync($"Setup:{error.PropertyName}: {error.ErrorMessage}");
            }

            return 2;
        }
    }
}
