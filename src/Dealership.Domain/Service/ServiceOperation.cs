using Dealership.Domain.Common;
using Dealership.Domain.Parts;

namespace Dealership.Domain.Service;

/// <summary>
/// An entry of the group's operation catalogue ("BRK-F: replace front brake pads and discs"): the labour
/// time the workshop books for it and the parts it always needs, by part number (each site stocks its own).
/// </summary>
public sealed class ServiceOperation : AggregateRoot
{
    private readonly List<OperationPart> _parts = [];

    private ServiceOperation() { }

    public ServiceOperation(string code, string description, int labourMinutes, IEnumerable<(string PartNumber, int Quantity)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Code = string.IsNullOrWhiteSpace(code) ? throw new DomainRuleException("An operation needs a code.", "code-required") : code.Trim().ToUpperInvariant();
        Description = string.IsNullOrWhiteSpace(description) ? throw new DomainRuleException("Describe the operation.", "description-required") : description.Trim();
        if (labourMinutes is < 6 or > 2400)
        {
            throw new DomainRuleException("Labour time is between 6 minutes and 40 hours.", "labour-time");
        }

        LabourMinutes = labourMinutes;
        foreach (var group in parts.GroupBy(p => Part.NormaliseNumber(p.PartNumber)))
        {
            var quantity = group.Sum(p => p.Quantity);
            if (quantity <= 0)
            {
                throw new DomainRuleException($"Part {group.Key} needs a quantity of at least one.", "quantity-required");
            }

            _parts.Add(new OperationPart(group.Key, quantity));
        }
    }

    public string Code { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int LabourMinutes { get; private set; }

    public IReadOnlyList<OperationPart> Parts => _parts;
}

public sealed record OperationPart(string PartNumber, int Quantity);
