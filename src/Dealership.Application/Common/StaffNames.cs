using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Common;

/// <summary>
/// Staff names this unit has read, so a command's view, its capacity check and its events' messages ask for each
/// person once (a booking read the advisor's name three times, a milestone the order owner's twice; issue #14).
/// Scoped to the request or job: a renamed person shows by their new name from the next one.
/// </summary>
public sealed class StaffNames(DealershipDbContext db)
{
    private static readonly Func<DealershipDbContext, Guid, CancellationToken, Task<string?>> NameOf =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid staffId, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == staffId).Select(u => u.DisplayName).FirstOrDefault());

    private readonly Dictionary<Guid, string> _names = [];

    /// <summary>The person's display name, or null if there is no such person (not remembered: they may be added in this unit).</summary>
    public async ValueTask<string?> NameOfAsync(Guid staffId, CancellationToken ct)
    {
        if (_names.TryGetValue(staffId, out var known))
        {
            return known;
        }

        var name = await NameOf(db, staffId, ct);
        if (name is not null)
        {
            _names[staffId] = name;
        }

        return name;
    }

    /// <summary>The name of someone an event says acted (recorded, handed over): a missing person there is a broken record, not a refusal.</summary>
    public async ValueTask<string> RequireNameOfAsync(Guid staffId, CancellationToken ct) =>
        await NameOfAsync(staffId, ct) ?? throw new InvalidOperationException($"No staff member {staffId}.");

    /// <summary>A name already known without asking (null if not).</summary>
    public string? Known(Guid staffId) => _names.GetValueOrDefault(staffId);

    /// <summary>A name the caller read with other facts (the signed-in person, a site's advisors), for the rest of the unit.</summary>
    public void Remember(Guid staffId, string name) => _names[staffId] = name;

    /// <summary>Drops what this unit has read: a unit run again after a refused save reads everything afresh.</summary>
    public void Forget() => _names.Clear();
}
