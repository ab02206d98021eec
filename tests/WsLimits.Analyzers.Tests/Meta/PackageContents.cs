using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.CodeFixes;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>Every analyzer, code fix and descriptor the package ships, found by reflection.</summary>
internal static class PackageContents
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Instances<DiagnosticAnalyzer>(typeof(UnboundedSingleFrameSendAnalyzer).Assembly);

    public static readonly ImmutableArray<CodeFixProvider> CodeFixes = Instances<CodeFixProvider>(typeof(UnboundedSingleFrameSendCodeFixProvider).Assembly);

    public static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = Analyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .GroupBy(descriptor => descriptor.Id)
        .Select(group => group.First())
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static IEnumerable<object[]> DescriptorIds => Descriptors.Select(descriptor => new object[] { descriptor.Id });

    public static IEnumerable<object[]> AnalyzerNames => Analyzers.Select(analyzer => new object[] { analyzer.GetType().Name });

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(descriptor => descriptor.Id == id);

    private static ImmutableArray<T> Instances<T>(Assembly assembly) => assembly.GetTypes()
        .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (T)Activator.CreateInstance(type)!)
        .ToImmutableArray();
}
