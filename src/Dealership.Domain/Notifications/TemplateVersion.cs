using Dealership.Domain.Common;

namespace Dealership.Domain.Notifications;

/// <summary>
/// One saved version of a site's message template (an event × channel × language). Versions are only ever
/// appended: the newest is in use, older ones are the history a manager can go back to. A version with no
/// body means "the product's default" (how a site returns to it, with the change still on record).
/// </summary>
public sealed class TemplateVersion : Entity
{
    private TemplateVersion() { }

    public TemplateVersion(Guid siteId, string key, MessageChannel channel, string language, int number, string? subject, string? body, string note,
        Guid? createdBy, DateTime createdAt)
    {
        if (number < 1)
        {
            throw new DomainRuleException("Versions are numbered from 1.", "template-version-number");
        }

        SiteId = siteId;
        Key = key;
        Channel = channel;
        Language = language;
        Number = number;
        Subject = channel == MessageChannel.Email ? subject : null;
        Body = body;
        Note = string.IsNullOrWhiteSpace(note) ? "" : note.Trim();
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid SiteId { get; private set; }

    public string Key { get; private set; } = "";

    public MessageChannel Channel { get; private set; }

    public string Language { get; private set; } = "en";

    /// <summary>1, 2, 3… per site, key, channel and language; the highest is the one in use.</summary>
    public int Number { get; private set; }

    public string? Subject { get; private set; }

    /// <summary>The Liquid text; null when this version returns the site to the product's default.</summary>
    public string? Body { get; private set; }

    public bool IsDefault => Body is null;

    /// <summary>What changed, in the manager's words, or "Back to version 3".</summary>
    public string Note { get; private set; } = "";

    public Guid? CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
