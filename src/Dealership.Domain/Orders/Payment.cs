using Dealership.Domain.Common;

namespace Dealership.Domain.Orders;

/// <summary>
/// Money received (or to be received) for an order: deposits now, the balance at delivery; later issues use
/// the same record for trade-in payoffs and service. Amounts are minor units in the order's currency.
/// </summary>
public sealed class Payment : Entity
{
    private Payment() { }

    internal Payment(Guid orderId, PaymentMethod method, long amount, string currency, string? reference, PaymentStatus status, Guid receivedBy, DateTime now)
    {
        OrderId = orderId;
        Method = method;
        Amount = amount;
        Currency = currency;
        Reference = reference;
        Status = status;
        ReceivedBy = receivedBy;
        ReceivedAt = now;
    }

    public Guid OrderId { get; private set; }

    public PaymentMethod Method { get; private set; }

    public long Amount { get; private set; }

    public string Currency { get; private set; } = "USD";

    public string? Reference { get; private set; }

    public PaymentStatus Status { get; private set; }

    public Guid ReceivedBy { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    /// <summary>Cleared money counts; so does a lender's approved funding still on its way (it settles the financed part).</summary>
    public bool CountsAsPaid => Status == PaymentStatus.Cleared || (Status == PaymentStatus.Pending && Method == PaymentMethod.LenderFunding);
}

public enum PaymentMethod
{
    Cash,
    Card,
    Check,
    CompanyCheck,
    BankTransfer,
    LenderFunding,
}

public enum PaymentStatus
{
    Pending,
    Cleared,
    Failed,
    Refunded,
}
