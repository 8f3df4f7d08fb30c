using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Decisions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Decisions;

/// <summary>The acts staff may decide within a limit, and the roles that make them (managers have no limit).</summary>
public static class DiscretionCatalogue
{
    public static readonly IReadOnlyList<string> Roles = [StaffRoles.ServiceAdvisor, StaffRoles.Salesperson, StaffRoles.UsedCarManager];

    public static readonly IReadOnlyList<DecisionAction> Actions =
    [
        DecisionAction.Goodwill, DecisionAction.Coupon, DecisionAction.Discount, DecisionAction.Loaner, DecisionAction.Reschedule,
        DecisionAction.PriceAdjustment, DecisionAction.FeeWaiver, DecisionAction.AcceptCheck, DecisionAction.ExtendOffer,
    ];

    /// <summary>Acts without an amount: a role either may decide them or always asks.</summary>
    public static bool IsYesNo(DecisionAction action) => action is DecisionAction.Loaner or DecisionAction.Reschedule or DecisionAction.AcceptCheck or DecisionAction.ExtendOffer;

    /// <summary>
    /// Where nobody has set a policy: taking a check before it clears is the manager's call (story 003: the
    /// risk is the dealer's), keeping an offer open is the used-car manager's; money follows the configured limits.
    /// </summary>
    public static long? DefaultLimit(string role, DecisionAction action, DecisionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return action switch
        {
            DecisionAction.AcceptCheck => 0,
            DecisionAction.ExtendOffer => role == StaffRoles.UsedCarManager ? null : 0,
            _ => limits.For(r => r == role),
        };
    }
}

/// <summary>
/// The one place a limit is read: the site's policy for the caller's roles and the act (the most generous of
/// their roles), else the configured default. Managers have none.
/// </summary>
public sealed class Discretion(DealershipDbContext db, IOptions<DecisionLimits> defaults)
{
    public async Task<long?> LimitAsync(Guid siteId, ICurrentStaff caller, DecisionAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsSystem || caller.IsInRole(StaffRoles.Manager))
        {
            return null;
        }

        var roles = DiscretionCatalogue.Roles.Where(caller.IsInRole).ToList();
        var policies = await db.Policies.AsNoTracking().Where(p => p.SiteId == siteId && p.Action == action && roles.Contains(p.Role)).ToListAsync(ct);
        long? best = 0;
        foreach (var role in roles)
        {
            var limit = policies.FirstOrDefault(p => p.Role == role) is { } policy
                ? policy.EffectiveLimit
                : DiscretionCatalogue.DefaultLimit(role, action, defaults.Value);
            best = best is null || limit is null ? null : Math.Max(best.Value, limit.Value);
        }

        return best;
    }
}

public sealed record PolicyView(string Role, DecisionAction Action, bool Allowed, long? Limit, bool IsDefault, long Version);

public sealed record PolicyChangeView(string Role, DecisionAction Action, bool WasAllowed, long? WasLimit, bool Allowed, long? Limit, string Reason, string ChangedBy, DateTime ChangedAt);

public sealed record PolicySheet(string Currency, IReadOnlyList<PolicyView> Policies, IReadOnlyList<PolicyChangeView> History);

/// <summary>The current site's discretionary limits per role and act (defaults where nobody has set one), with the latest changes.</summary>
public static class GetPolicies
{
    [Allowed(Access.ReadDecisions)]
    public sealed record Query : IQuery<PolicySheet>;

    /// <summary>A default read as a policy: 0 means the role always asks; null with "allowed" means no cap.</summary>
    private static PolicyView Default(string role, DecisionAction action, DecisionLimits limits)
    {
        var limit = DiscretionCatalogue.DefaultLimit(role, action, limits);
        return new PolicyView(role, action, limit != 0, DiscretionCatalogue.IsYesNo(action) ? null : limit, true, 0);
    }

    public sealed class Handler(DealershipDbContext db, Sites.SiteContext siteContext, IOptions<DecisionLimits> defaults) : IQueryHandler<Query, PolicySheet>
    {
        public async ValueTask<PolicySheet> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var stored = await db.Policies.AsNoTracking().Where(p => p.SiteId == site.Id).ToListAsync(cancellationToken);
            var sheet = (from role in DiscretionCatalogue.Roles
                         from action in DiscretionCatalogue.Actions
                         let policy = stored.FirstOrDefault(p => p.Role == role && p.Action == action)
                         select policy is null
                             ? Default(role, action, defaults.Value)
                             : new PolicyView(role, action, policy.Allowed, policy.Limit, false, policy.Version)).ToList();
            var changes = stored.SelectMany(p => p.History.Select(h => (p, h))).OrderByDescending(x => x.h.ChangedAt).Take(50).ToList();
            var who = changes.Select(c => c.h.ChangedBy).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => who.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            return new PolicySheet(site.Currency, sheet, changes.Select(c => new PolicyChangeView(c.p.Role, c.p.Action, c.h.WasAllowed, c.h.WasLimit, c.h.Allowed, c.h.Limit,
                c.h.Reason, names.GetValueOrDefault(c.h.ChangedBy, ""), c.h.ChangedAt)).ToList());
        }
    }
}

/// <summary>A manager sets one role's limit for one act at the current site, saying why (kept in the history).</summary>
public static class SetPolicy
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(string Role, DecisionAction Action, bool Allowed, long? Limit, string Reason) : ICommand<PolicyView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Role).Must(r => DiscretionCatalogue.Roles.Contains(r))
                .WithMessage($"Limits are set for {string.Join(", ", DiscretionCatalogue.Roles)} (managers have none).");
            RuleFor(c => c.Action).Must(a => DiscretionCatalogue.Actions.Contains(a)).WithMessage($"Acts with a limit: {string.Join(", ", DiscretionCatalogue.Actions)}.");
            RuleFor(c => c.Limit).GreaterThanOrEqualTo(0).WithMessage("A limit is an amount in cents, zero or more (leave it out for no cap).");
            RuleFor(c => c.Limit).LessThanOrEqualTo(100_000_000).WithMessage("A limit above $1,000,000 is not a limit.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the limit changes: it is kept with the policy's history.").MaximumLength(300);
        }
    }

    public sealed class Handler(DealershipDbContext db, Sites.SiteContext siteContext, ICurrentStaff staff, IOptions<DecisionLimits> defaults, TimeProvider clock)
        : ICommandHandler<Command, PolicyView>
    {
        public async ValueTask<PolicyView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var policy = await db.Policies.FirstOrDefaultAsync(p => p.SiteId == site.Id && p.Role == command.Role && p.Action == command.Action, cancellationToken);
            if (policy is null)
            {
                policy = new DiscretionPolicy(site.Id, command.Role, command.Action, DiscretionCatalogue.DefaultLimit(command.Role, command.Action, defaults.Value));
                db.Policies.Add(policy);
            }

            policy.Change(command.Allowed, command.Limit, command.Reason, staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return new PolicyView(policy.Role, policy.Action, policy.Allowed, policy.Limit, IsDefault: false, policy.Version);
        }
    }
}
