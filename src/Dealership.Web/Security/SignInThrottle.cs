using System.Collections.Concurrent;
using Dealership.Application.Data;
using Microsoft.AspNetCore.Identity;

namespace Dealership.Web.Security;

/// <summary>
/// Guessing passwords is slowed per account and per address together: five wrong passwords for one account
/// from one address hold that pair for five minutes. An attacker elsewhere therefore cannot lock a salesperson
/// out of their own account at will (Identity's account-wide lockout would let anyone do that by typing their
/// email five times); the per-address rate limit on sign-in (Auth:SignInAttemptsPerMinute) caps spraying.
/// One memory per web instance: with N instances behind a balancer an attacker gets at most 5 × N tries a pair.
/// Both doors (the token endpoint and the sign-in page) go through <see cref="CheckAsync"/>.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int Attempts = 5;

    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (int Failures, DateTime Until)> _pairs = new(StringComparer.Ordinal);

    /// <summary>True when the password is right and the pair is not held; a wrong one counts against the pair.</summary>
    public async Task<bool> CheckAsync(UserManager<StaffUser> users, StaffUser user, string password, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(context);
        var key = $"{user.Id:N}|{context.Connection.RemoteIpAddress}";
        var now = clock.GetUtcNow().UtcDateTime;
        if (_pairs.TryGetValue(key, out var held) && held.Failures >= Attempts && held.Until > now)
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            _pairs.TryRemove(key, out _);
            return true;
        }

        _pairs.AddOrUpdate(key, _ => (1, now + HoldFor), (_, old) => old.Until <= now ? (1, now + HoldFor) : (old.Failures + 1, now + HoldFor));
        if (_pairs.Count > 100_000)
        {
            // Never grow without bound under a spray of addresses: forget pairs whose hold has passed.
            foreach (var stale in _pairs.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList())
            {
                _pairs.TryRemove(stale, out _);
            }
        }

        return false;
    }
}
