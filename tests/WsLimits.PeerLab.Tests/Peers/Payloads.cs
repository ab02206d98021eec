using System;
using System.Security.Cryptography;

namespace WsLimits.PeerLab.Tests.Peers;

internal static class Payloads
{
    public const int Mebibyte = 1024 * 1024;

    /// <summary>Random bytes, so that a merged, cut or reordered message cannot hash the same.</summary>
    public static byte[] Random(int length)
    {
        var bytes = new byte[length];
        System.Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
