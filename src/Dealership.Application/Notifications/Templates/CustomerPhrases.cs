using Dealership.Domain.Orders;

namespace Dealership.Application.Notifications.Templates;

/// <summary>
/// Words for an order's facts as customers say them, in English and US Spanish. Used when a template shows a
/// milestone, a status or an open checklist item; staff-facing text uses <see cref="VehicleOrder.Describe(OrderMilestone)"/>.
/// </summary>
public static class CustomerPhrases
{
    /// <summary>Where the car is, as a phrase: "your Accord is {phrase}".</summary>
    public static string StatusPhrase(OrderMilestone status, bool spanish) => (status, spanish) switch
    {
        (OrderMilestone.Ordered, false) => "on order with the factory",
        (OrderMilestone.FactoryConfirmed, false) => "confirmed and scheduled for building",
        (OrderMilestone.Built, false) => "built and waiting to ship",
        (OrderMilestone.InTransit, false) => "on its way to us",
        (OrderMilestone.ArrivedAtDealership, false) => "at the dealership being prepared",
        (OrderMilestone.PreparedForDelivery, false) => "ready for you",
        (_, false) => "in progress",
        (OrderMilestone.Ordered, true) => "pedido a la fábrica",
        (OrderMilestone.FactoryConfirmed, true) => "confirmado y en cola de fabricación",
        (OrderMilestone.Built, true) => "fabricado y a la espera del envío",
        (OrderMilestone.InTransit, true) => "en camino",
        (OrderMilestone.ArrivedAtDealership, true) => "en el concesionario, en preparación",
        (OrderMilestone.PreparedForDelivery, true) => "listo para usted",
        (_, true) => "en curso",
    };

    /// <summary>An open checklist item as the customer would say it.</summary>
    public static string OpenItem(ChecklistItem item, bool spanish) => (item, spanish) switch
    {
        (ChecklistItem.PreDeliveryInspection, false) => "the final inspection",
        (ChecklistItem.FundsArranged, false) => "the payment or financing",
        (ChecklistItem.InsuranceProof, false) => "proof of insurance",
        (ChecklistItem.RegistrationPaperwork, false) => "the registration paperwork",
        (ChecklistItem.PreDeliveryInspection, true) => "la inspección final",
        (ChecklistItem.FundsArranged, true) => "el pago o la financiación",
        (ChecklistItem.InsuranceProof, true) => "el comprobante de seguro",
        (ChecklistItem.RegistrationPaperwork, true) => "los papeles de registro",
        _ => spanish ? "los últimos detalles" : "the last details",
    };

    public static string EnglishName(OrderMilestone milestone) => milestone switch
    {
        OrderMilestone.FactoryConfirmed => "factory confirmation",
        OrderMilestone.Built => "build",
        OrderMilestone.InTransit => "shipping",
        OrderMilestone.ArrivedAtDealership => "arrival at the dealership",
        OrderMilestone.PreparedForDelivery => "preparation for delivery",
        OrderMilestone.CollectionScheduled => "collection",
        OrderMilestone.Delivered => "delivery",
        _ => "date",
    };

    public static string SpanishName(OrderMilestone milestone) => milestone switch
    {
        OrderMilestone.FactoryConfirmed => "confirmación de fábrica",
        OrderMilestone.Built => "fabricación",
        OrderMilestone.InTransit => "salida hacia el concesionario",
        OrderMilestone.ArrivedAtDealership => "llegada al concesionario",
        OrderMilestone.PreparedForDelivery => "preparación para la entrega",
        OrderMilestone.CollectionScheduled => "cita de recogida",
        OrderMilestone.Delivered => "entrega",
        _ => "fecha",
    };
}
