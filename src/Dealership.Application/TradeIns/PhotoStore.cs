using FluentValidation;

namespace Dealership.Application.TradeIns;

/// <summary>
/// Where photos of customers' cars are kept (the data folder by default). Names are chosen by the system, never
/// by the uploader; reading goes through a use case that checks who is asking first.
/// </summary>
public interface IPhotoStore
{
    Task SaveAsync(string storedName, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>The photo's bytes, or null when the file is gone.</summary>
    Task<byte[]?> ReadAsync(string storedName, CancellationToken ct);
}

/// <summary>What a photo may be: JPEG, PNG, WebP or HEIC, recognised by its first bytes (the declared type is not trusted), at most 10 MB.</summary>
public static class PhotoRules
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The one validation of an uploaded photo (present, at most 10 MB, really an image), for every command that takes one.</summary>
    public static void MustBeAPhoto<T>(this IRuleBuilder<T, byte[]> rule)
    {
        rule.Must(c => c is { Length: > 0 }).WithMessage("Choose a photo to upload.")
            .Must(c => c is null || c.Length <= MaxBytes).WithMessage($"A photo is at most {MaxBytes / (1024 * 1024)} MB; this one is larger.")
            .Must(c => c is null || c.Length == 0 || Recognise(c) is not null).WithMessage("That file is not a JPEG, PNG, WebP or HEIC photo.");
    }

    /// <summary>The image type the bytes really are, or null when they are not an image we keep.</summary>
    public static (string ContentType, string Extension)? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ("image/jpeg", "jpg");
        }

        if (head.Length >= 8 && head[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", "png");
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ("image/webp", "webp");
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8) || head[8..12].SequenceEqual("mif1"u8)))
        {
            return ("image/heic", "heic");
        }

        return null;
    }
}
