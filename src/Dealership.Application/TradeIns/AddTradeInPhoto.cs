using Dealership.Application.Common;
using FluentValidation;
using Mediator;

namespace Dealership.Application.TradeIns;

/// <summary>
/// A photo of the trade-in (up to 10): checked for what it really is and its size, stored in the data folder
/// under a name the system chose, served only to staff who may read the trade-in and to its own customer.
/// </summary>
public static class AddTradeInPhoto
{
    [Allowed(Access.RequestTradeIns)]
    public sealed record Command(Guid TradeInId, byte[] Content) : ICommand<TradeInView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Content).Cascade(CascadeMode.Stop).MustBeAPhoto();
    }

    public sealed class Handler(TradeInAccess access, IPhotoStore photos, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, null, cancellationToken);
            var (contentType, extension) = PhotoRules.Recognise(command.Content)!.Value;
            var storedName = $"trade-ins/{tradeIn.Id:N}/{Guid.NewGuid():N}.{extension}";
            tradeIn.AddPhoto(contentType, command.Content.Length, storedName, clock.GetUtcNow().UtcDateTime);
            // Written before the commit: a failed commit leaves an unreferenced file, never a row without its file.
            await photos.SaveAsync(storedName, command.Content, cancellationToken);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
