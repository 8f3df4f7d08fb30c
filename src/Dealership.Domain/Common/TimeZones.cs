using System.Collections.Concurrent;

namespace Dealership.Domain.Common;

/// <summary>
/// Time zones by IANA id, looked up once per process. <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> takes a
/// process-wide lock on every call, and a list converts every row's time to the site's wall clock: under the lane's
/// load the threads queued on that lock (issue #14). A zone's rules do not change while the process runs (.NET's own
/// cache holds them for its life as well).
/// </summary>
public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    /// <summary>The zone with this id; throws <see cref="TimeZoneNotFoundException"/> as the runtime does for an unknown one.</summary>
    public static TimeZoneInfo Find(string id) => Found.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
}
