using Dealership.Domain.Service;

namespace Dealership.Application.Service;

public sealed record OperationPartView(string PartNumber, int Quantity);

/// <summary>A catalogue entry: code, description, labour minutes and the parts it needs.</summary>
public sealed record OperationView(Guid Id, string Code, string Description, int LabourMinutes, IReadOnlyList<OperationPartView> Parts)
{
    public static OperationView From(ServiceOperation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OperationView(o.Id, o.Code, o.Description, o.LabourMinutes, o.Parts.Select(p => new OperationPartView(p.PartNumber, p.Quantity)).ToList());
    }
}
