using System.Globalization;
using Dealership.Domain.Common;

namespace Dealership.UnitTests;

public sealed class MoneyTests
{
    [Test]
    public void Arithmetic_IsExactInMinorUnits()
    {
        var price = new Money(3_499_900, "USD");
        var deposit = new Money(100_000, "USD");
        var tradeIn = new Money(1_250_050, "USD");

        var balance = price - deposit - tradeIn;

        Assert.That(balance, Is.EqualTo(new Money(2_149_850, "USD")));
        Assert.That(balance.Format(CultureInfo.GetCultureInfo("en-US")), Is.EqualTo("$21,498.50"));
    }

    [Test]
    public void Combining_DifferentCurrencies_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => _ = new Money(1, "USD") + new Money(1, "CAD"));
    }

    [TestCase("usd")]
    [TestCase("US")]
    [TestCase("")]
    public void Currency_MustBeAnIsoCode(string currency)
    {
        Assert.Throws<ArgumentException>(() => _ = new Money(1, currency));
    }

    [Test]
    public void NegativeEquity_IsShownAsNegative()
    {
        var equity = new Money(800_000, "USD") - new Money(1_100_000, "USD");
        Assert.That(equity.IsNegative, Is.True);
        Assert.That(equity.Format(CultureInfo.GetCultureInfo("en-US")), Is.EqualTo("-$3,000.00"));
    }
}
