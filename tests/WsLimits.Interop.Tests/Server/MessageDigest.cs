using System;
using System.Globalization;
using System.Security.Cryptography;

namespace WsLimits.Interop.Tests.Server;

/// <summary>What the server reports for each whole message it received: its length and SHA-256.</summary>
internal readonly record struct MessageDigest(long Length, string Sha256Hex)
{
    public static MessageDigest Of(ReadOnlySpan<byte> message) =>
        new(message.Length, Convert.ToHexStringLower(SHA256.HashData(message)));

    /// <summary>Reads the server's reply, "length sha256hex".</summary>
    public static MessageDigest Parse(string reply)
    {
        var parts = reply.Split(' ');
        return new MessageDigest(long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Length} {Sha256Hex}");
}
