using Dealership.Domain.Common;

namespace Dealership.Domain.Notifications;

/// <summary>
/// A text a customer sent us, recorded once per provider message id: the provider retries its webhook, and a
/// retried delivery must not open a second task or send a second acknowledgement (the id is unique).
/// </summary>
public sealed class InboundMessage : Entity
{
    private InboundMessage() { }

    public InboundMessage(string providerMessageId, string from, DateTime receivedAt)
    {
        ProviderMessageId = string.IsNullOrWhiteSpace(providerMessageId)
            ? throw new DomainRuleException("An inbound text needs the provider's message id.", "message-id-required")
            : providerMessageId.Trim();
        From = from.Trim();
        ReceivedAt = receivedAt;
    }

    public string ProviderMessageId { get; private set; } = "";

    public string From { get; private set; } = "";

    public DateTime ReceivedAt { get; private set; }
}
