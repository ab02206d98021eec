using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.PayloadSize;

/// <summary>
/// The APIs whose result grows with their input: serializer output (System.Text.Json, Newtonsoft.Json, MessagePack), whole files, stream and buffer-writer contents.
/// The name returned is the origin as a user would write it, for diagnostic messages.
/// </summary>
internal sealed class UnboundedOrigins
{
    private readonly WellKnownTypes _types;

    public UnboundedOrigins(WellKnownTypes types) => _types = types;

    public string? Match(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return null;
        }

        if (type.Is(_types.SystemTextJsonSerializer) && method.Name is "SerializeToUtf8Bytes" or "Serialize" && !method.ReturnsVoid)
        {
            return "JsonSerializer." + method.Name;
        }

        if (type.Is(_types.NewtonsoftJsonConvert) && method.Name == "SerializeObject")
        {
            return "JsonConvert.SerializeObject";
        }

        if (type.Is(_types.MessagePackSerializer) && method.Name == "Serialize" && method.ReturnType is IArrayTypeSymbol)
        {
            return "MessagePackSerializer.Serialize";
        }

        if (type.Is(_types.File) && method.Name is "ReadAllBytes" or "ReadAllBytesAsync" or "ReadAllText" or "ReadAllTextAsync")
        {
            return "File." + method.Name;
        }

        if (type.IsOrDerivesFrom(_types.MemoryStream) && method.Name is "ToArray" or "GetBuffer")
        {
            return "MemoryStream." + method.Name;
        }

        return null;
    }

    /// <summary>True for the serializers among the origins, whose output is as large as the object they are given.</summary>
    public bool IsSerializer(IInvocationOperation invocation)
    {
        var type = invocation.TargetMethod.ContainingType?.OriginalDefinition;
        return type.Is(_types.SystemTextJsonSerializer) || type.Is(_types.NewtonsoftJsonConvert) || type.Is(_types.MessagePackSerializer);
    }

    public string? Match(IPropertyReferenceOperation property)
    {
        var type = property.Property.ContainingType?.OriginalDefinition;
        if (type.Is(_types.ArrayBufferWriter) && property.Property.Name is "WrittenMemory" or "WrittenSpan" or "WrittenCount")
        {
            return "ArrayBufferWriter." + property.Property.Name;
        }

        if (type.IsOrDerivesFrom(_types.MemoryStream) && property.Property.Name is "Length" or "Position")
        {
            return "MemoryStream." + property.Property.Name;
        }

        return null;
    }
}
