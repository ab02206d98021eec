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

    private PayloadSize(PayloadSizeKind kind, long bound, string origin)
    {
        Kind = kind;
        Bound = bound;
        Origin = origin;
    }

    public PayloadSizeKind Kind { get; }

    public long Bound { get; }

    /// <summary>For an unbounded size, the API the data comes from, as users write it.</summary>
    public string Origin { get; }

    public bool IsBounded => Kind == PayloadSizeKind.Bounded;

    public bool IsUnbounded => Kind == PayloadSizeKind.Unbounded;

    public static PayloadSize AtMost(long bound) => new(PayloadSizeKind.Bounded, bound < 0 ? 0 : bound, string.Empty);

    public static PayloadSize Unbounded(string origin) => new(PayloadSizeKind.Unbounded, long.MaxValue, origin);

    /// <summary>A view that is at most as large as either part, such as a slice with a bounded count.</summary>
    public static PayloadSize Smaller(PayloadSize a, PayloadSize b)
    {
        if (a.IsBounded && b.IsBounded)
        {
            return a.Bound <= b.Bound ? a : b;
        }

        if (a.IsBounded)
        {
            return a;
        }

        if (b.IsBounded)
        {
            return b;
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
            return a.Bound >= b.Bound ? a : b;
        }

        return a.IsUnbounded ? a : b;
    }

    /// <summary>A value made of both parts, such as a concatenation.</summary>
    public static PayloadSize Sum(PayloadSize a, PayloadSize b) =>
        a.IsBounded && b.IsBounded ? AtMost(SaturatingAdd(a.Bound, b.Bound)) : Either(a, b);

    public PayloadSize Scaled(long factor) => IsBounded ? AtMost(SaturatingMultiply(Bound, factor)) : this;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long SaturatingMultiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
