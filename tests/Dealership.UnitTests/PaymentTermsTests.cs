using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using Dealership.Domain.Sites;

namespace Dealership.UnitTests;

/// <summary>A site's payment terms: what it takes, the cash line per deal, and the day a check should have cleared by.</summary>
public sealed class PaymentTermsTests
{
    private static Site Portland(params PaymentMethod[] accepted)
    {
        var site = new Site("PDX", "Harbor Motors Portland", "America/Los_Angeles", "USD", DistanceUnit.Miles, "US", ["en"]);
        if (accepted.Length > 0)
        {
            site.SetPaymentTerms(accepted, 500_000, 5);
        }

        return site;
    }

    [Test]
    public void ANewSite_TakesEveryMethod_WithTheUsualCashLineAndClearingTime()
    {
        var terms = Portland().PaymentTerms;

        Assert.That(terms.Accepted, Is.EquivalentTo(Enum.GetValues<PaymentMethod>()));
        Assert.That((terms.CashLimit.Amount, terms.CheckClearanceDays), Is.EqualTo((1_000_000L, 5)));
    }

    [Test]
    public void CashCounts_UpToTheLimitPerDeal_AndAMethodNotTaken_IsRefusedWithWhatIsTaken()
    {
        var terms = Portland(PaymentMethod.Card, PaymentMethod.Cash, PaymentMethod.BankTransfer).PaymentTerms;
        var usd = (long cents) => new Money(cents, "USD");

        Assert.DoesNotThrow(() => terms.EnsureAccepted(PaymentMethod.Cash, usd(300_000), usd(200_000)));
        var over = Assert.Throws<DomainRuleException>(() => terms.EnsureAccepted(PaymentMethod.Cash, usd(300_001), usd(200_000)))!;
        Assert.That((over.Code, over.Message), Is.EqualTo(("cash-over-limit", "Cash is taken up to $5,000.00 per deal ($3,000.00 left); take the rest by card or bank transfer.")));
        var check = Assert.Throws<DomainRuleException>(() => terms.EnsureAccepted(PaymentMethod.Check, usd(1), usd(0)))!;
        Assert.That(check.Message, Is.EqualTo("Harbor Motors Portland does not take personal checks; it takes cash, card, bank transfer."));
        Assert.That(Assert.Throws<DomainRuleException>(() => Portland().SetPaymentTerms([PaymentMethod.Cash], 0, 5))!.Code, Is.EqualTo("payment-terms-invalid"),
            "a customer must always have a way to pay that counts");
    }

    [Test]
    public void ACheckClears_AfterTheSitesBusinessDays_SkippingTheWeekend()
    {
        var terms = Portland().PaymentTerms;
        // Friday Nov 27 at 4 PM in Portland: five business days on is Friday Dec 4.
        var friday = new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);

        Assert.That(terms.ClearsBy(friday), Is.EqualTo(new DateOnly(2026, 12, 4)));
        Assert.That(terms.Condition(PaymentMethod.CompanyCheck, friday), Does.EndWith("by Fri, Dec 4, 2026)."));
        Assert.That(terms.Condition(PaymentMethod.CashiersCheck, friday), Does.Contain("same or next business day"));
    }
}
