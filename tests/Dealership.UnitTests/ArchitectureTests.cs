using Dealership.Application.Common;

namespace Dealership.UnitTests;

/// <summary>Rules that keep one way of doing each thing; a broken rule fails here, not in review.</summary>
public sealed class ArchitectureTests
{
    private static readonly Type[] Messages = typeof(AccessRules).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(Mediator.IMessage).IsAssignableFrom(t))
        .ToArray();

    [Test]
    public void EveryCommandAndQuery_DeclaresWhoMaySendIt()
    {
        Assert.That(Messages, Has.Length.GreaterThan(50), "the scan finds the application's messages");
        var undeclared = Messages.Where(t => AccessRules.DeclaredBy(t) is null).Select(t => t.FullName).ToList();
        Assert.That(undeclared, Is.Empty, "add [Allowed(Access.…)] to each: the pipeline refuses a message that declares nobody");
    }

    [Test]
    public void ManagersHoldEveryStaffRight_AndPartsClerksNeitherReadNorWriteOrders()
    {
        foreach (var access in Enum.GetValues<Access>().Where(a => a is not (Access.CustomerLink or Access.System)))
        {
            Assert.That(AccessRules.RolesFor(access), Does.Contain(Dealership.Application.Data.StaffRoles.Manager), access.ToString());
        }

        Assert.That(AccessRules.RolesFor(Access.ReadOrders), Does.Not.Contain(Dealership.Application.Data.StaffRoles.PartsClerk));
        Assert.That(AccessRules.RolesFor(Access.WriteService), Does.Not.Contain(Dealership.Application.Data.StaffRoles.PartsClerk));
        Assert.That(AccessRules.RolesFor(Access.WriteParts), Does.Not.Contain(Dealership.Application.Data.StaffRoles.ServiceAdvisor));
    }
}
