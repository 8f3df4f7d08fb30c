using Dealership.Application.Data;
using Dealership.Domain.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Demo;

/// <summary>
/// Fills an empty Development database with a dealership group that tells the product's stories on first
/// run: two rooftops, one demo account per role and a few dozen customers with their cars. Idempotent (it
/// checks what exists before adding) and called only in Development; the host enforces that.
/// </summary>
public sealed partial class DemoDataSeeder(
    DealershipDbContext db,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    TimeProvider clock,
    Notifications.Outbox outbox,
    global::Mediator.IMediator mediator,
    Service.WorkshopCapacity workshop,
    TradeIns.IPhotoStore photos,
    ILogger<DemoDataSeeder> logger)
{
    public const string DemoPassword = "Demo!2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, bool BothSites)> DemoAccounts =
    [
        ("manager@demo.local", "Morgan Reyes", StaffRoles.Manager, true),
        ("sales@demo.local", "Sam Carter", StaffRoles.Salesperson, true),
        ("service@demo.local", "Alex Kim", StaffRoles.ServiceAdvisor, false),
        ("usedcars@demo.local", "Jordan Blake", StaffRoles.UsedCarManager, false),
        ("parts@demo.local", "Pat Nguyen", StaffRoles.PartsClerk, false),
        ("tech@demo.local", "Riley Santos", StaffRoles.Technician, false),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Every step below checks what exists before adding, which costs a start about 30 queries; once a build of
        // the seeder has finished, its next start skips them. A new build (any change to this assembly) checks again.
        var mark = $"demo/{typeof(DemoDataSeeder).Assembly.ManifestModule.ModuleVersionId:N}";
        if (await db.SeedMarks.AnyAsync(m => m.Key == mark, cancellationToken))
        {
            return;
        }

        var (portland, boise) = await EnsureSitesAsync(cancellationToken);
        await EnsureRolesAsync();
        var owners = await EnsureDemoStaffAsync(portland, boise, cancellationToken);
        await EnsureCustomersAsync(portland, boise, owners, cancellationToken);
        await EnsureOrdersAsync(portland, owners, cancellationToken);
        await EnsureTradeInsAsync(portland, owners, cancellationToken);
        await EnsureServiceAsync(portland, boise, owners, cancellationToken);
        await EnsureHistoryAsync(portland, owners, cancellationToken);
        // Last: Liam's text is routed to the advisor of the visit he has booked, so the visit must exist.
        await EnsureConversationsAsync(portland, cancellationToken);
        db.SeedMarks.Add(new SeedMark { Key = mark, SeededAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }

    private async Task<(Site Portland, Site Boise)> EnsureSitesAsync(CancellationToken ct)
    {
        var portland = await db.Sites.FirstOrDefaultAsync(s => s.Code == "PDX", ct);
        if (portland is null)
        {
            portland = new Site("PDX", "Harbor Motors Portland", "America/Los_Angeles", "USD", DistanceUnit.Miles, "US", ["en", "es"]);
            SetWeekHours(portland, new TimeOnly(8, 0), new TimeOnly(19, 0), new TimeOnly(9, 0), new TimeOnly(17, 0));
            portland.SetContact("503-555-0100", "service@harbor-portland.example", "1200 NW Harbor Way, Portland, OR 97209");
            db.Sites.Add(portland);
        }

        var boise = await db.Sites.FirstOrDefaultAsync(s => s.Code == "BOI", ct);
        if (boise is null)
        {
            boise = new Site("BOI", "Harbor Motors Boise", "America/Boise", "USD", DistanceUnit.Miles, "US", ["en", "es"]);
            SetWeekHours(boise, new TimeOnly(8, 30), new TimeOnly(18, 0), new TimeOnly(9, 0), new TimeOnly(15, 0));
            boise.SetContact("208-555-0100", null, "455 W Front St, Boise, ID 83702");
            boise.SetDealRules(salesTaxBasisPoints: 600, tradeInReducesTax: true, lienholderNoticeDays: 7, payoffDays: 21, cancellationWindowDays: 0);
            // Boise takes company checks but not personal ones, and less cash: the terms differ by site.
            boise.SetPaymentTerms([Domain.Orders.PaymentMethod.Card, Domain.Orders.PaymentMethod.Cash, Domain.Orders.PaymentMethod.CompanyCheck,
                Domain.Orders.PaymentMethod.CashiersCheck, Domain.Orders.PaymentMethod.BankTransfer, Domain.Orders.PaymentMethod.LenderFunding], cashLimit: 500_000, checkClearanceDays: 7);
            db.Sites.Add(boise);
        }

        await db.SaveChangesAsync(ct);
        return (portland, boise);
    }

    private static void SetWeekHours(Site site, TimeOnly weekdayOpen, TimeOnly weekdayClose, TimeOnly saturdayOpen, TimeOnly saturdayClose)
    {
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            site.SetOpeningHours(day, weekdayOpen, weekdayClose);
        }

        site.SetOpeningHours(DayOfWeek.Saturday, saturdayOpen, saturdayClose);
    }

    private async Task<Dictionary<string, Guid>> EnsureDemoStaffAsync(Site portland, Site boise, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (email, name, role, bothSites) in DemoAccounts)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new StaffUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = name,
                    PrimarySiteId = portland.Id,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    LockoutEnabled = true,
                    Sites = bothSites
                        ? [new StaffSiteAssignment { SiteId = portland.Id }, new StaffSiteAssignment { SiteId = boise.Id }]
                        : [new StaffSiteAssignment { SiteId = portland.Id }],
                };
                var result = await users.CreateAsync(user, DemoPassword);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }

                await users.AddToRoleAsync(user, role);
                logger.LogInformation("Created demo account {Email} ({Role})", email, role);
            }

            ids[role] = user.Id;
        }

        await db.SaveChangesAsync(ct);
        return ids;
    }

}
