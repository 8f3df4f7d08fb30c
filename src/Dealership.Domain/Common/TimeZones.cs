using System.Collections.Concurrent;

namespace Dealership.Domain.Common;

/// <summary>
/// Time zones by id, each looked up once per process. <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> takes a
/// process-wide lock on every call, and a list converts every row's time to the site's wall clock: under the lane's
/// load the threads queued on that lock (issue #14). A zone's rules are read once and kept, as the runtime's own cache
/// keeps them until <see cref="TimeZoneInfo.ClearCachedData"/>, which nothing here calls.
/// </summary>
public static class TimeZones
{
    // Ids match as the runtime matches them, whatever their case.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone with this id; throws <see cref="TimeZoneNotFoundException"/> as the runtime does for an unknown one.</summary>
    public static TimeZoneInfo Find(string id) => Found.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
}
