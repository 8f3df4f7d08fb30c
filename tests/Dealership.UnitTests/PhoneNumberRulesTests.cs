using Dealership.Application.Common;

namespace Dealership.UnitTests;

public sealed class PhoneNumberRulesTests
{
    [TestCase("(503) 555-0123", "+15035550123")]
    [TestCase("503.555.0123", "+15035550123")]
    [TestCase("+1 503 555 0123", "+15035550123")]
    [TestCase("1-208-555-0199", "+12085550199")]
    public void ToE164_ReadsNumbersAsPeopleTypeThem(string typed, string expected)
    {
        Assert.That(PhoneNumberRules.ToE164(typed, "US", out var problem), Is.EqualTo(expected));
        Assert.That(problem, Is.Null);
    }

    [TestCase("555-0123")]
    [TestCase("12")]
    [TestCase("call me")]
    public void ToE164_RejectsWhatIsNotAMobileNumber_WithAReason(string typed)
    {
        Assert.That(PhoneNumberRules.ToE164(typed, "US", out var problem), Is.Null);
        Assert.That(problem, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void ToE164_UsesTheSitesDefaultRegion()
    {
        // The same digits read as a Mexican number when the site's default region is MX.
        Assert.That(PhoneNumberRules.ToE164("55 1234 5678", "MX", out _), Is.EqualTo("+525512345678"));
    }

    [Test]
    public void Display_FormatsUsNumbersNationally()
    {
        Assert.That(PhoneNumberRules.Display("+15035550123"), Is.EqualTo("(503) 555-0123"));
    }
}
