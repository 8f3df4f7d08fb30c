using Dealership.Application.Common;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

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

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);

    [Test]
    public void TheDomain_ReferencesNoOtherProjectOrFramework()
    {
        var result = Types.InAssembly(typeof(Dealership.Domain.Common.Entity).Assembly).ShouldNot()
            .HaveDependencyOnAny("Dealership.Application", "Dealership.Adapters", "Dealership.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
                "Mediator", "FluentValidation", "Hangfire", "System.Net.Http")
            .GetResult();
        Assert.That(result.IsSuccessful, Is.True, Failing(result));
    }

    [Test]
    public void TheApplication_ReferencesNoWebOrHttpType()
    {
        var result = Types.InAssembly(typeof(AccessRules).Assembly).ShouldNot()
            .HaveDependencyOnAny("Dealership.Web", "Dealership.Adapters", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing",
                "Microsoft.AspNetCore.Builder", "System.Net.Http")
            .GetResult();
        Assert.That(result.IsSuccessful, Is.True, Failing(result));
    }

    [Test]
    public void NoPage_TakesTheDbContext()
    {
        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace("Dealership.Web.Pages").Or().ResideInNamespace("Dealership.Web.Ui")
            .Or().ResideInNamespace("Dealership.Web.Api")
            .ShouldNot().HaveDependencyOn("Dealership.Application.Data.DealershipDbContext").GetResult();
        Assert.That(result.IsSuccessful, Is.True, "pages, their helpers and the API bind and send: read through a Get/List query or an application service. " + Failing(result));
    }

    [Test]
    public void NoDomainEventSubscriber_TakesAChannelOrAnHttpClient()
    {
        var result = Types.InAssembly(typeof(AccessRules).Assembly).That().ImplementInterface(typeof(IDomainEventSubscriber<>))
            .ShouldNot().HaveDependencyOnAny("Dealership.Application.Notifications.IEmailChannel", "Dealership.Application.Notifications.ISmsChannel", "System.Net.Http")
            .GetResult();
        Assert.That(result.IsSuccessful, Is.True, "subscribers write rows; the dispatcher job sends. " + Failing(result));
    }

    [Test]
    public void NoHandler_CallsSaveChanges()
    {
        // The unit of work is the one commit owner (ADR 0014): handlers change aggregates and return.
        using var module = ModuleDefinition.ReadModule(typeof(AccessRules).Assembly.Location);
        var handlers = module.Types.SelectMany(t => t.NestedTypes).Where(t => t.Name == "Handler").ToList();
        Assert.That(handlers, Has.Count.GreaterThan(50), "the scan finds the handlers");
        var offenders = handlers
            .Where(h => h.NestedTypes.Prepend(h).SelectMany(t => t.Methods).Where(m => m.HasBody)
                .SelectMany(m => m.Body.Instructions)
                .Any(i => (i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt) && i.Operand is MethodReference { Name: "SaveChanges" or "SaveChangesAsync" }))
            .Select(h => h.FullName).ToList();
        Assert.That(offenders, Is.Empty, "call nothing that commits: the pipeline's unit of work saves once");
    }
}
