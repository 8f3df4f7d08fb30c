using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>
/// Resolves a tracking-link token to its customer. A token that is unknown, expired or revoked is the same
/// "not found": the page never says which, so tokens cannot be probed.
/// </summary>
internal static class CustomerLink
{
    public static async Task<Guid> ResolveAsync(DealershipDbContext db, string token, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            throw new NotFoundException("This link is not valid.");
        }

        var hash = TrackingTokens.Hash(token);
        var customerId = await db.TrackingLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash && l.RevokedAt == null && l.ExpiresAt > now)
            .Select(l => (Guid?)l.CustomerId)
            .FirstOrDefaultAsync(ct);
        return customerId ?? throw new NotFoundException("This link is not valid.");
    }
}
