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

    /// <summary>When a manager verified a check with the issuing bank (good funds before clearance), who and what the bank said.</summary>
    public DateTime? VerifiedAt { get; private set; }

    public Guid? VerifiedBy { get; private set; }

    public string? VerificationNote { get; private set; }

    /// <summary>When the payment cleared or bounced, and who recorded it.</summary>
    public DateTime? SettledAt { get; private set; }

    public Guid? SettledBy { get; private set; }

    public string? SettlementNote { get; private set; }

    /// <summary>
    /// Money that counts towards the balance: cleared; a lender's approved funding on its way (it settles the
    /// financed part); a check verified with the issuing bank ("yes, once we have called your bank").
    /// </summary>
    public bool CountsAsPaid => Status == PaymentStatus.Cleared
        || (Status == PaymentStatus.Pending && (Method == PaymentMethod.LenderFunding || VerifiedAt is not null));

    /// <summary>Methods whose money is not certain when handed over: they start pending and are verified, cleared or bounced.</summary>
    public static bool NeedsClearing(PaymentMethod method) => method is PaymentMethod.Check or PaymentMethod.CompanyCheck or PaymentMethod.BankTransfer or PaymentMethod.CashiersCheck;

    /// <summary>True when it counts because someone decided to take it before it clears (on the dealer's risk), not because the bank confirmed it.</summary>
    public bool AcceptedOnRisk { get; private set; }

    internal void Verify(Guid by, string note, DateTime now, bool onRisk = false)
    {
        EnsurePending();
        if (!NeedsClearing(Method))
        {
            throw new DomainRuleException("Only a check or transfer is verified with the bank.", "not-verifiable");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Record the call: which bank, who confirmed the funds are there and held.", "verification-note-required");
        }

        // Once is the record: a second verification would rewrite who vouched for the money and tell everyone again.
        // The one step still open after a decision to take it on risk is the bank's own confirmation, which replaces it.
        if (VerifiedAt is not null && (onRisk || !AcceptedOnRisk))
        {
            throw new DomainRuleException(AcceptedOnRisk
                ? $"This payment was already taken on the dealer's risk: {VerificationNote}"
                : $"This payment was already verified with the bank: {VerificationNote}", "already-verified");
        }

        VerifiedAt = now;
        VerifiedBy = by;
        VerificationNote = note.Trim();
        AcceptedOnRisk = onRisk;
    }

    internal void Settle(bool cleared, Guid by, string? note, DateTime now)
    {
        EnsurePending();
        if (!cleared && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Say what the bank said (returned unpaid, stopped, insufficient funds).", "bounce-note-required");
        }

        Status = cleared ? PaymentStatus.Cleared : PaymentStatus.Failed;
        SettledAt = now;
        SettledBy = by;
        SettlementNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private void EnsurePending()
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new DomainRuleException($"This payment is already {Status.ToString().ToLowerInvariant()}.", "payment-settled");
        }
    }
}

public enum PaymentMethod
{
    Cash,
    Card,
    Check,
    CompanyCheck,
    BankTransfer,
    LenderFunding,

    /// <summary>A bank's own check: good funds once confirmed with the issuing bank, usually the same or next day.</summary>
    CashiersCheck,
}

public enum PaymentStatus
{
    Pending,
    Cleared,
    Failed,
    Refunded,
}
