using System.Globalization;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;

namespace Dealership.Domain.Sites;

/// <summary>
/// How a site takes money, as "yes, if" rather than "no": which methods, cash up to a limit, and when each
/// method counts towards a handover or a collection (card and cash at once; a wire or cashier's check once
/// confirmed, usually the same or next business day; a personal or company check once a named person has called
/// the issuing bank, or when it clears after the site's business days; financing once the lender approves).
/// Applied by the delivery and the workshop's payment steps, and said in plain words to staff and customers.
/// </summary>
public sealed class PaymentTerms(Site site)
{
    public static readonly string AllMethods = string.Join(',', Enum.GetValues<PaymentMethod>());

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public IReadOnlyList<PaymentMethod> Accepted { get; } = site.AcceptedPaymentMethods.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(m => Enum.TryParse<PaymentMethod>(m, out var method) ? method : (PaymentMethod?)null).OfType<PaymentMethod>().ToList();

    public Money CashLimit { get; } = new(site.CashLimit, site.Currency);

    public int CheckClearanceDays { get; } = site.CheckClearanceDays;

    public bool Takes(PaymentMethod method) => Accepted.Contains(method);

    /// <summary>Refuses a payment the site does not take, saying what it does take: never a flat no.</summary>
    public void EnsureAccepted(PaymentMethod method, Money amount, Money cashAlready)
    {
        if (!Takes(method))
        {
            throw new DomainRuleException($"{site.Name} does not take {Describe(method).ToLowerInvariant()}s; it takes {string.Join(", ", Accepted.Select(m => Describe(m).ToLowerInvariant()))}.",
                "payment-method-not-accepted");
        }

        if (method == PaymentMethod.Cash && cashAlready.Amount + amount.Amount > CashLimit.Amount)
        {
            var room = new Money(Math.Max(0, CashLimit.Amount - cashAlready.Amount), CashLimit.Currency);
            throw new DomainRuleException($"Cash is taken up to {CashLimit.Format(En)} per deal{(cashAlready.Amount > 0 ? $" ({room.Format(En)} left)" : "")}; "
                + $"take the rest by {string.Join(" or ", Accepted.Where(m => m is PaymentMethod.Card or PaymentMethod.BankTransfer or PaymentMethod.CashiersCheck).Select(m => Describe(m).ToLowerInvariant()))}.",
                "cash-over-limit");
        }
    }

    /// <summary>The last business day by which a check received at <paramref name="receivedAt"/> should have cleared.</summary>
    public DateOnly ClearsBy(DateTime receivedAt)
    {
        var day = DateOnly.FromDateTime(site.ToLocal(receivedAt));
        for (var left = CheckClearanceDays; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>When a payment by <paramref name="method"/> counts, for staff: the condition, not a refusal.</summary>
    public string Condition(PaymentMethod method, DateTime receivedAt) => method switch
    {
        PaymentMethod.Card => "Counts at once.",
        PaymentMethod.Cash => $"Counts at once (cash up to {CashLimit.Format(En)} per deal).",
        PaymentMethod.LenderFunding => "Counts once the lender has approved; it settles when they fund.",
        PaymentMethod.BankTransfer or PaymentMethod.CashiersCheck => "Counts once confirmed with the bank, usually the same or next business day.",
        _ => $"Counts once a manager has called the issuing bank and recorded who confirmed the funds, or when it clears (about {CheckClearanceDays} business days: by {Readable.Day(ClearsBy(receivedAt))}).",
    };

    public static string Describe(PaymentMethod method) => method switch
    {
        PaymentMethod.CompanyCheck => "Company check",
        PaymentMethod.BankTransfer => "Bank transfer",
        PaymentMethod.LenderFunding => "Financing",
        PaymentMethod.CashiersCheck => "Cashier's check",
        PaymentMethod.Check => "Personal check",
        _ => method.ToString(),
    };
}
