using Dealership.Domain.Customers;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dealership.Application.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.DomainEvents);
        builder.Ignore(n => n.IsFinal);
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(n => n.SuppressionReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.TemplateKey).HasMaxLength(60);
        builder.Property(n => n.Language).HasMaxLength(8);
        builder.Property(n => n.DeduplicationKey).HasMaxLength(200);
        builder.Property(n => n.Recipient).HasMaxLength(254);
        builder.Property(n => n.LastError).HasMaxLength(500);
        builder.Property(n => n.LinkTokenHash).HasMaxLength(64);
        builder.Property(n => n.Subject).HasMaxLength(200);
        builder.Property(n => n.ProviderMessageId).HasMaxLength(64);

        // The outbox guarantee: one row per business fact and channel, enforced by the database.
        builder.HasIndex(n => n.DeduplicationKey).IsUnique();
        // The dispatcher's query: due work by status and time.
        builder.HasIndex(n => new { n.Status, n.DueAt });
        builder.HasIndex(n => new { n.CustomerId, n.CreatedAt });
        builder.HasIndex(n => n.ProviderMessageId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrackingLinkConfiguration : IEntityTypeConfiguration<TrackingLink>
{
    public void Configure(EntityTypeBuilder<TrackingLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> builder)
    {
        builder.Property(m => m.ProviderMessageId).HasMaxLength(64);
        builder.Property(m => m.From).HasMaxLength(32);
        builder.HasIndex(m => m.ProviderMessageId).IsUnique();
    }
}

internal sealed class TemplateVersionConfiguration : IEntityTypeConfiguration<TemplateVersion>
{
    public void Configure(EntityTypeBuilder<TemplateVersion> builder)
    {
        builder.Property(v => v.Key).HasMaxLength(60);
        builder.Property(v => v.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Language).HasMaxLength(5);
        builder.Property(v => v.Subject).HasMaxLength(4000);
        builder.Property(v => v.Body).HasMaxLength(4000);
        builder.Property(v => v.Note).HasMaxLength(500);
        // One number per version of a template at a site; the newest is found by this index too.
        builder.HasIndex(v => new { v.SiteId, v.Key, v.Channel, v.Language, v.Number }).IsUnique();
        builder.HasOne<Domain.Sites.Site>().WithMany().HasForeignKey(v => v.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PhoneConsentConfiguration : IEntityTypeConfiguration<PhoneConsent>
{
    public void Configure(EntityTypeBuilder<PhoneConsent> builder)
    {
        builder.Property(c => c.PhoneNumber).HasMaxLength(16);
        builder.HasIndex(c => c.PhoneNumber).IsUnique();
        builder.Property(c => c.Source).HasMaxLength(200);
    }
}

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> builder)
    {
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Actor).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Summary).HasMaxLength(500);
        builder.Property(t => t.SubjectType).HasMaxLength(30);
        // One timeline per customer, newest first; analytics later read by site and time.
        builder.HasIndex(t => new { t.CustomerId, t.OccurredAt });
        builder.HasIndex(t => new { t.SiteId, t.OccurredAt });
        // "When did we last write to this customer?" (the deliveries board asks it of every active order): a seek, not
        // a walk through the customer's whole timeline.
        builder.HasIndex(t => new { t.CustomerId, t.Kind, t.Direction, t.OccurredAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffTextConfiguration : IEntityTypeConfiguration<Notifications.StaffText>
{
    public void Configure(EntityTypeBuilder<Notifications.StaffText> builder)
    {
        builder.ToTable("StaffTexts");
        builder.Property(t => t.To).HasMaxLength(16);
        builder.Property(t => t.Body).HasMaxLength(300);
        builder.Property(t => t.DeduplicationKey).HasMaxLength(120);
        builder.Property(t => t.LastError).HasMaxLength(500);
        builder.Property(t => t.ProviderMessageId).HasMaxLength(64);
        builder.HasIndex(t => t.DeduplicationKey).IsUnique();
        // The job reads what is still to send.
        builder.HasIndex(t => new { t.SentAt, t.Dead, t.CreatedAt });
    }
}

internal sealed class StaffTaskConfiguration : IEntityTypeConfiguration<StaffTask>
{
    public void Configure(EntityTypeBuilder<StaffTask> builder)
    {
        builder.ToTable("Tasks");
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.CustomerIdList);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Detail).HasMaxLength(2000);
        builder.Property(t => t.SubjectType).HasMaxLength(30);
        builder.Property(t => t.CustomerIds).HasMaxLength(1000);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(t => new { t.OwnerStaffId, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.SiteId, t.Status });
        // The watchdog reads a page of orders' tasks at a time, and an order's page lists its tasks.
        builder.HasIndex(t => new { t.SubjectType, t.SubjectId });
        builder.Property(t => t.DeduplicationKey).HasMaxLength(200);
        // Written unquoted so the same filter is valid SQL on SQL Server and SQLite.
        builder.HasIndex(t => t.DeduplicationKey).IsUnique().HasFilter("DeduplicationKey IS NOT NULL");
    }
}
