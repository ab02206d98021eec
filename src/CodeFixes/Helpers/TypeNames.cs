using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// How inserted code names a type: by its short name where that already means the type at the insertion point, as a
/// person would write it; otherwise in full from <c>global::</c>, for the simplifier to shorten and import. The
/// simplifier binds the changed file again, so leaving it nothing to do keeps a Fix All over many files fast.
/// </summary>
internal static class TypeNames
{
    /// <param name="metadataName">A top-level, non-generic type: its name in full is <c>global::</c> and this.</param>
    public static string At(SemanticModel model, int position, string metadataName)
    {
        var full = "global::" + metadataName;
        if (model.Compilation.GetTypeByMetadataName(metadataName) is not { } type)
        {
            return full;
        }

        // Any symbol of that name in scope, a local or a property as well as a type, must be this type alone.
        var visible = model.LookupSymbols(position, name: type.Name);
        return visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0], type) ? type.Name : full;
    }
}
