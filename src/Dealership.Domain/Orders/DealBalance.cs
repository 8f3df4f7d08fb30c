using Dealership.Domain.Common;
using Dealership.Domain.TradeIns;

namespace Dealership.Domain.Orders;

/// <summary>How a line moves the balance: added to it, taken off it, or shown without counting (pending money).</summary>
public enum BalanceLineKind
{
    Charge,
    Credit,
    Pending,
}

/// <param name="AboutTradeIn">The line names the trade-in or its lender: left generic for readers who may not see trade-ins.</param>
public sealed record BalanceLine(string Label, Money Amount, BalanceLineKind Kind, string? Note = null, bool AboutTradeIn = false);

/// <summary>
/// What the customer owes at handover, line by line: price + fees + sales tax (with the site's rule for whether
/// the trade-in allowance reduces the taxable amount) − money received − trade-in allowance + the old loan's
/// payoff. Integer minor units throughout; tax rounds half up to the cent once, on the taxable total. Money
/// not yet cleared (a check, a company check) is listed as pending and does not reduce the balance; a
/// lender's approved funding does (it settles the financed part).
/// </summary>
public sealed class DealBalance
{
    private DealBalance(string currency) => Currency = currency;

    public string Currency { get; }

    private List<BalanceLine> _lines = [];

    public IReadOnlyList<BalanceLine> Lines => _lines;

    private List<BalanceLine> Editable => _lines;

    public Money Taxable { get; private set; }

    public Money Tax { get; private set; }

    public int TaxBasisPoints { get; private set; }

    public bool TradeInReducesTax { get; private set; }

    public Money Allowance { get; private set; }

    public Money Payoff { get; private set; }

    /// <summary>Payoff above the allowance: owed on the old car beyond what it is worth to us.</summary>
    public Money NegativeEquity { get; private set; }

    public Money Pending { get; private set; }

    /// <summary>Positive: the customer pays this before handover. Negative: the dealer owes it to the customer at handover.</summary>
    public Money Due { get; private set; }

    /// <summary>The trade-in counts once the customer accepted its offer (and stays counted once credited at the swap).</summary>
    public static bool Counts(TradeIn? tradeIn) => tradeIn is { Status: TradeInStatus.Accepted or TradeInStatus.Received or TradeInStatus.Sold } && tradeIn.FinalOffer is not null;

    public static DealBalance For(VehicleOrder order, TradeIn? tradeIn, DealRules rules)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(rules);
        if (order.TaxBasisPointsAtDelivery is { } closedAt)
        {
            rules = rules with { SalesTaxBasisPoints = closedAt, TradeInReducesTax = order.TradeInReducedTaxAtDelivery ?? rules.TradeInReducesTax };
        }

        var currency = order.Currency;
        var balance = new DealBalance(currency);
        var zero = Money.Zero(currency);
        balance.Editable.Add(new BalanceLine($"Price of the {order.Vehicle.Describe()}", order.Price, BalanceLineKind.Charge));
        if (order.FeeItems.Count > 0)
        {
            foreach (var fee in order.FeeItems)
            {
                balance.Editable.Add(new BalanceLine(OrderFee.Describe(fee.Kind), new Money(fee.Amount, currency), BalanceLineKind.Charge));
            }
        }
        else if (order.Fees.Amount > 0)
        {
            balance.Editable.Add(new BalanceLine("Fees", order.Fees, BalanceLineKind.Charge));
        }

        // Once delivered, only the trade-in actually taken in counts (an offer revived afterwards changes nothing).
        var counts = Counts(tradeIn) && (order.Status != OrderMilestone.Delivered || tradeIn!.Status is TradeInStatus.Received or TradeInStatus.Sold);
        var allowance = counts ? new Money(tradeIn!.Allowance ?? tradeIn.FinalOffer!.Value, currency) : zero;
        var payoff = counts && tradeIn!.HasLoan ? new Money(tradeIn.PayoffInDeal ?? tradeIn.PayoffAmount, currency) : zero;
        // Concessions granted by decision: a price adjustment lowers the taxed price; a fee waiver and a goodwill credit do not.
        foreach (var concession in order.Concessions)
        {
            balance.Editable.Add(new BalanceLine(concession.Describe(), new Money(concession.Amount, currency), BalanceLineKind.Credit, concession.Reason));
        }

        var adjustment = new Money(order.Concessions.Where(c => c.Kind == Decisions.DecisionAction.PriceAdjustment).Sum(c => c.Amount), currency);
        var concessions = new Money(order.Concessions.Sum(c => c.Amount), currency);

        // The vehicle sale is taxed: its price and the accessories sold with it; documentation and registration fees are not.
        var accessories = new Money(order.FeeItems.Where(f => f.Kind == FeeKind.Accessories).Sum(f => f.Amount), currency);
        var taxable = rules.TradeInReducesTax ? order.Price - adjustment + accessories - allowance : order.Price - adjustment + accessories;
        if (taxable.IsNegative)
        {
            taxable = zero;
        }

        var tax = new Money(TaxOn(taxable.Amount, rules.SalesTaxBasisPoints), currency);
        balance.Taxable = taxable;
        balance.Tax = tax;
        balance.TaxBasisPoints = rules.SalesTaxBasisPoints;
        balance.TradeInReducesTax = rules.TradeInReducesTax;
        if (rules.SalesTaxBasisPoints > 0)
        {
            balance.Editable.Add(new BalanceLine($"Sales tax {rules.SalesTaxBasisPoints / 100m:0.###}%", tax, BalanceLineKind.Charge,
                $"on {taxable.Format(En)} (the price{(accessories.Amount > 0 ? " and accessories" : "")}{(rules.TradeInReducesTax && counts ? " less the trade-in allowance" : "")})"));
        }

        var paid = zero;
        var pending = zero;
        foreach (var payment in order.Payments.Where(p => p.Status is PaymentStatus.Pending or PaymentStatus.Cleared))
        {
            var amount = new Money(payment.Amount, currency);
            var label = $"{Describe(payment.Method)}{(payment.Reference is null ? "" : " " + payment.Reference)}";
            if (payment.CountsAsPaid)
            {
                paid += amount;
                balance.Editable.Add(new BalanceLine(label, amount, BalanceLineKind.Credit, payment.Status == PaymentStatus.Pending ? "approved, funds on their way" : null));
            }
            else
            {
                pending += amount;
                balance.Editable.Add(new BalanceLine(label, amount, BalanceLineKind.Pending, "not cleared yet: not counted until it clears"));
            }
        }

        if (counts)
        {
            balance.Editable.Add(new BalanceLine($"Trade-in allowance: {tradeIn!.Vehicle.Describe()}", allowance, BalanceLineKind.Credit, AboutTradeIn: true));
            if (tradeIn.HasLoan)
            {
                balance.Editable.Add(new BalanceLine($"Payoff of the loan with {tradeIn.LenderName}", payoff, BalanceLineKind.Charge,
                    tradeIn.PayoffDueBy is { } due ? $"sent to the lender by {Readable.Day(due)}" : "paid by us to the lender after the swap", AboutTradeIn: true));
            }
        }

        balance.Allowance = allowance;
        balance.Payoff = payoff;
        balance.NegativeEquity = payoff.Amount > allowance.Amount ? payoff - allowance : zero;
        balance.Pending = pending;
        // A cancelled deal owes nothing: what was received is refunded (shown on the order), not asked for again.
        balance.Due = order.IsCancelled ? zero : order.Price + order.Fees + tax + payoff - paid - allowance - concessions;
        return balance;
    }

    /// <summary>
    /// The same figures for someone who may read the order but not the trade-in (a service advisor): which car and
    /// whose loan stay out of the lines; the totals are unchanged.
    /// </summary>
    public DealBalance WithoutTradeInDetail()
    {
        var redacted = (DealBalance)MemberwiseClone();
        redacted._lines = Lines.Select(l => !l.AboutTradeIn ? l
            : l.Kind == BalanceLineKind.Credit ? l with { Label = "Trade-in allowance" }
            : l with { Label = "Payoff of the trade-in's loan", Note = null }).ToList();
        return redacted;
    }

    /// <summary>Tax in minor units, rounded half up once on the whole taxable amount (basis points: 725 = 7.25%).</summary>
    private static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    public static long TaxOn(long taxable, int basisPoints)
    {
        if (taxable <= 0 || basisPoints <= 0)
        {
            return 0;
        }

        return (long)Math.Round(taxable * (decimal)basisPoints / 10_000m, MidpointRounding.AwayFromZero);
    }

    public static string Describe(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Cash",
        PaymentMethod.Card => "Card",
        PaymentMethod.Check => "Check",
        PaymentMethod.CompanyCheck => "Company check",
        PaymentMethod.CashiersCheck => "Cashier's check",
        PaymentMethod.BankTransfer => "Bank transfer",
        PaymentMethod.LenderFunding => "Lender funding",
        _ => method.ToString(),
    };
}
