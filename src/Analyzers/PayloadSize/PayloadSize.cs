using System;

namespace WsLimits.Analyzers.PayloadSize;

internal enum PayloadSizeKind
{
    /// <summary>The analysis cannot tell; rules stay quiet.</summary>
    Unknown,

    /// <summary>Never larger than <see cref="PayloadSize.Bound"/>.</summary>
    Bounded,

    /// <summary>Grows with its input, from <see cref="PayloadSize.Origin"/>.</summary>
    Unbounded,
}

/// <summary>
/// What the analysis knows about the size of a value: the bytes of a buffer, the characters of a string,
/// or the magnitude of a count.
/// </summary>
internal readonly struct PayloadSize
{
    public static readonly PayloadSize Unknown = default;

    private PayloadSize(PayloadSizeKind kind, long minimum, long bound, string origin)
    {
        Kind = kind;
        Minimum = minimum;
        Bound = bound;
        Origin = origin;
    }

    public PayloadSizeKind Kind { get; }

    /// <summary>The size is known to be at least this: a fixed-size buffer or a constant is exactly its size.</summary>
    public long Minimum { get; }

    public long Bound { get; }

    /// <summary>For an unbounded size, the API the data comes from, as users write it.</summary>
    public string Origin { get; }

    public bool IsBounded => Kind == PayloadSizeKind.Bounded;

    public bool IsUnbounded => Kind == PayloadSizeKind.Unbounded;

    public static PayloadSize AtMost(long bound) => new(PayloadSizeKind.Bounded, 0, Math.Max(bound, 0), string.Empty);

    public static PayloadSize Exactly(long size) => new(PayloadSizeKind.Bounded, Math.Max(size, 0), Math.Max(size, 0), string.Empty);

    public static PayloadSize Unbounded(string origin) => new(PayloadSizeKind.Unbounded, 0, long.MaxValue, origin);

    /// <summary>
    /// No known upper bound, but at least <paramref name="minimum"/>, such as a long constant joined to a string the analysis
    /// cannot size. Its kind is <see cref="PayloadSizeKind.Unknown"/>, so rules that need a bound stay quiet.
    /// </summary>
    public static PayloadSize AtLeast(long minimum) => new(PayloadSizeKind.Unknown, Math.Max(minimum, 0), long.MaxValue, string.Empty);

    /// <summary>A view that is at most as large as either part, such as a slice with a bounded count.</summary>
    public static PayloadSize Smaller(PayloadSize a, PayloadSize b)
    {
        if (a.IsBounded && b.IsBounded)
        {
            return new(PayloadSizeKind.Bounded, Math.Min(a.Minimum, b.Minimum), Math.Min(a.Bound, b.Bound), string.Empty);
        }

        // A bound on one side only caps the size; what the other side cuts off is not known.
        if (a.IsBounded)
        {
            return AtMost(a.Bound);
        }

        if (b.IsBounded)
        {
            return AtMost(b.Bound);
        }

        // An unknown count may well cut an unbounded source down to size.
        return a.IsUnbounded && b.IsUnbounded ? a : Unknown;
    }

    /// <summary>A value that is one of two, such as the branches of a conditional or two assignments.</summary>
    public static PayloadSize Either(PayloadSize a, PayloadSize b)
    {
        if (a.Kind == PayloadSizeKind.Unknown || b.Kind == PayloadSizeKind.Unknown)
        {
            return Unknown;
        }

        if (a.IsBounded && b.IsBounded)
        {
            return new(PayloadSizeKind.Bounded, Math.Min(a.Minimum, b.Minimum), Math.Max(a.Bound, b.Bound), string.Empty);
        }

        return a.IsUnbounded ? a : b;
    }

    /// <summary>A value made of both parts, such as a concatenation.</summary>
    public static PayloadSize Sum(PayloadSize a, PayloadSize b) =>
        a.IsBounded && b.IsBounded
            ? new(PayloadSizeKind.Bounded, SaturatingAdd(a.Minimum, b.Minimum), SaturatingAdd(a.Bound, b.Bound), string.Empty)
            : Either(a, b);

    /// <summary>The size times a count, such as the bytes of an array of bounded length.</summary>
    public static PayloadSize Product(PayloadSize a, PayloadSize b) =>
        a.IsBounded && b.IsBounded
            ? new(PayloadSizeKind.Bounded, SaturatingMultiply(a.Minimum, b.Minimum), SaturatingMultiply(a.Bound, b.Bound), string.Empty)
            : Unknown;

    /// <summary>The same lower bound with a looser upper one, such as the bytes an encoding may need per char.</summary>
    public PayloadSize WithBoundScaled(long factor) =>
        IsBounded ? new(PayloadSizeKind.Bounded, Minimum, SaturatingMultiply(Bound, factor), string.Empty) : this;

    /// <summary>The same upper bound, and nothing known below it, such as what is left after taking some away.</summary>
    public PayloadSize WithoutMinimum() => IsBounded ? AtMost(Bound) : this;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long SaturatingMultiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
