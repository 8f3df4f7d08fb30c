using Dealership.Domain.Common;
using Dealership.Domain.Sites;

namespace Dealership.UnitTests;

public sealed class SiteTests
{
    private static Site Portland()
    {
        var site = new Site("pdx", "Harbor Motors Portland", "America/Los_Angeles", "USD", DistanceUnit.Miles, "us", ["en", "es"]);
        site.SetOpeningHours(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(19, 0));
        return site;
    }

    [Test]
    public void Settings_AreNormalised()
    {
        var site = Portland();
        Assert.That(site.Code, Is.EqualTo("PDX"));
        Assert.That(site.DefaultPhoneRegion, Is.EqualTo("US"));
        Assert.That(site.DefaultLanguage, Is.EqualTo("en"));
        Assert.That(site.SupportsLanguage("es"), Is.True);
        Assert.That(site.SupportsLanguage("fr"), Is.False);
    }

    [Test]
    public void IsOpenAt_ReadsOpeningHoursInTheSitesTimeZone()
    {
        var site = Portland();
        // Monday 23 Nov 2026, 08:30 in Portland is 16:30 UTC; 07:30 local is 15:30 UTC.
        Assert.That(site.IsOpenAt(new DateTime(2026, 11, 23, 16, 30, 0, DateTimeKind.Utc)), Is.True);
        Assert.That(site.IsOpenAt(new DateTime(2026, 11, 23, 15, 30, 0, DateTimeKind.Utc)), Is.False);
        Assert.That(site.IsOpenAt(new DateTime(2026, 11, 24, 16, 30, 0, DateTimeKind.Utc)), Is.False, "no hours set for Tuesday");
    }

    [Test]
    public void SetOpeningHours_ClosingBeforeOpening_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => Portland().SetOpeningHours(DayOfWeek.Friday, new TimeOnly(18, 0), new TimeOnly(9, 0)));
    }

    [Test]
    public void UnknownTimeZone_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _ = new Site("X", "X", "Mars/Olympus", "USD", DistanceUnit.Miles, "US", ["en"]));
    }
}
