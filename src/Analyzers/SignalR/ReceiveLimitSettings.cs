using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.SignalR;

/// <summary>
/// Finds the assignments that set a SignalR server's receive limit in one compilation: <c>MaximumReceiveMessageSize</c>
/// on ASP.NET Core's <c>HubOptions</c>, and <c>MaxIncomingWebSocketMessageSize</c> on ASP.NET SignalR 2's
/// <c>IConfigurationManager</c> (<c>GlobalHost.Configuration</c>) or a class that implements it.
/// </summary>
internal sealed class ReceiveLimitSettings
{
    public static readonly ImmutableArray<string> PropertyNames = ImmutableArray.Create(SignalRServer.AspNetCore.LimitProperty, SignalRServer.AspNet.LimitProperty);

    private readonly INamedTypeSymbol? hubOptions;
    private readonly INamedTypeSymbol? configurationManager;

    private ReceiveLimitSettings(INamedTypeSymbol? hubOptions, INamedTypeSymbol? configurationManager)
    {
        this.hubOptions = hubOptions;
        this.configurationManager = configurationManager;
    }

    /// <summary>Null where the compilation references neither SignalR server.</summary>
    public static ReceiveLimitSettings? For(Compilation compilation, WellKnownTypes types)
    {
        // Resolved here, not in WellKnownTypes, because this rule is the only one that needs it.
        var configurationManager = compilation.GetTypeByMetadataName("Microsoft.AspNet.SignalR.Configuration.IConfigurationManager");
        return types.HubOptions is null && configurationManager is null ? null : new ReceiveLimitSettings(types.HubOptions, configurationManager);
    }

    /// <summary>The setting <paramref name="assignment"/> makes, or null when it sets something else.</summary>
    public ReceiveLimitSetting? Of(ISimpleAssignmentOperation assignment)
    {
        var server = assignment.Target switch
        {
            IPropertyReferenceOperation { Property: var property } => ServerOf(property),
            IInvalidOperation { Syntax: var syntax } => UnboundServerOf(syntax),
            _ => null,
        };
        return server is not null && assignment.Value.WithoutConversions() is { } value ? new ReceiveLimitSetting(server, value) : null;
    }

    private SignalRServer? ServerOf(IPropertySymbol property)
    {
        if (property.Name == SignalRServer.AspNetCore.LimitProperty && property.ContainingType.IsOrDerivesFrom(hubOptions))
        {
            return SignalRServer.AspNetCore;
        }

        return property.Name == SignalRServer.AspNet.LimitProperty
            && (property.ContainingType.Is(configurationManager) || property.ContainingType.AllInterfaces.Any(type => type.Is(configurationManager)))
            ? SignalRServer.AspNet
            : null;
    }

    /// <summary>
    /// SignalR 2 code compiled without the SignalR 2 assembly (a tool's compilation, a project half ported to ASP.NET
    /// Core) leaves the member unbound. Its name is SignalR 2's own, so it is recognised by name alone there.
    /// </summary>
    private static SignalRServer? UnboundServerOf(SyntaxNode target) =>
        target is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && name == SignalRServer.AspNet.LimitProperty
            ? SignalRServer.AspNet
            : null;
}
