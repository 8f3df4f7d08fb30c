using System.Globalization;

namespace Dealership.Domain.Common;

/// <summary>
/// An amount of money in minor units (cents for USD) with its ISO 4217 currency. Integer minor units keep
/// sums exact and behave identically on every database provider; see docs/adr/0004-money-as-minor-units.md.
/// </summary>
public readonly record struct Money
{
    public Money(long amount, string currency)
    {
        if (string.IsNullOrWhiteSpace(currency) || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("Currency must be a three-letter ISO 4217 code in upper case, such as USD.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>Minor units: 3499900 is $34,999.00.</summary>
    public long Amount { get; }

    public string Currency { get; }

    public static Money Zero(string currency) => new(0, currency);

    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(checked(Amount + other.Amount), Currency);
    }

    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(checked(Amount - other.Amount), Currency);
    }

    public bool IsNegative => Amount < 0;

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Formats for display, for example "$34,999.00". All currencies we sell in use two minor digits.</summary>
    public string Format(CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.TryGetValue(Currency, out var symbol) ? symbol : Currency + " ";
        format.CurrencyDecimalDigits = 2;
        return (Amount / 100m).ToString("C", format);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    private void EnsureSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
        }
    }

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["USD"] = "$",
        ["CAD"] = "CA$",
        ["MXN"] = "MX$",
        ["EUR"] = "€",
        ["GBP"] = "£",
    };
}
