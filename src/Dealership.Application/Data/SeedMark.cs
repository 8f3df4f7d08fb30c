namespace Dealership.Application.Data;

/// <summary>
/// Says that a seeding run finished for one build of the seeder, so the next start of the same build skips its
/// checks (issue #14: about 30 queries, a second of a two-core machine's start). The key names the build, so a
/// new build that seeds something new runs every check again once.
/// </summary>
public sealed class SeedMark
{
    public string Key { get; init; } = "";

    public DateTime SeededAt { get; init; }
}
