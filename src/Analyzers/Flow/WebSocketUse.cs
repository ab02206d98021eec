using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.PayloadSize;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// What the rules know of WebSocket use across one compilation, shared by all of them: which calls send in disguise,
/// what callers pass, how large values get. Made once per compilation, by the first rule that asks; every part of it
/// answers on demand and keeps its answers.
/// </summary>
internal sealed class WebSocketUse
{
    private static readonly ConditionalWeakTable<Compilation, WebSocketUse> Shared = new();

    private readonly ConcurrentDictionary<SyntaxNode, SentPayload?> _sent = new();
    private readonly Lazy<NamedCalls> _sendCalls;
    private readonly Lazy<NamedCalls> _receiveCalls;

    private WebSocketUse(Compilation compilation, WellKnownTypes types, bool onlyVisibleCallers)
    {
        Types = types;
        Calls = new CallSites(compilation);
        Sizes = new PayloadSizeAnalysis(types, Calls, onlyVisibleCallers);
        TextBytes = new Utf8TextSize(types, Sizes);
        Sends = new SendWrappers(types, Calls);
        Receives = new ReceiveWrappers(types, Calls, Sends);
        Handlers = new MessageHandlers(types, Calls);
        Settings = new SettingChoices(Calls);
        Callers = new CallerSections(Calls, onlyVisibleCallers);
        _sendCalls = new Lazy<NamedCalls>(() => ForwardingCallNames.OfSends(types, Calls));
        _receiveCalls = new Lazy<NamedCalls>(() => ForwardingCallNames.OfReceives(types, Calls));
        FieldAppends = new FieldAppends(types, Calls);
    }

    public WellKnownTypes Types { get; }

    public CallSites Calls { get; }

    public PayloadSizeAnalysis Sizes { get; }

    /// <summary>Strings sized in UTF-8 bytes, for limits .NET counts in bytes.</summary>
    public Utf8TextSize TextBytes { get; }

    public SendWrappers Sends { get; }

    public ReceiveWrappers Receives { get; }

    public MessageHandlers Handlers { get; }

    /// <summary>The calls of the socket's send and of the project's methods that may forward to one, for the send rules to bind.</summary>
    public NamedCalls SendCalls => _sendCalls.Value;

    /// <summary>The calls of the socket's receive and of the project's methods that may forward to it, for the receive rules to bind.</summary>
    public NamedCalls ReceiveCalls => _receiveCalls.Value;

    /// <summary>Whether every caller of a piece of code already has the socket to itself.</summary>
    public CallerSections Callers { get; }

    /// <summary>Whether a setting's value is chosen in the compilation or passed on from its users.</summary>
    public SettingChoices Settings { get; }

    /// <summary>Methods that append their caller's data to a store held in a field.</summary>
    public FieldAppends FieldAppends { get; }

    /// <summary>The send an invocation makes, with its payload's size: worked out once for all the size rules.</summary>
    public SentPayload? SentAt(IInvocationOperation invocation, LimitOptionsCache options) =>
        _sent.GetOrAdd(invocation.Syntax, _ => SentPayload.TryCreate(invocation, this, options));

    /// <summary>
    /// The model of the compilation. <see cref="LimitOptions.PublicCallersKey"/> holds for the whole model, so it is read
    /// from the project-wide options (.globalconfig), else from those of the project's first file (a [*.cs] section).
    /// </summary>
    public static WebSocketUse Of(Compilation compilation, WellKnownTypes types, LimitOptionsCache options) =>
        Shared.GetValue(compilation, created => new WebSocketUse(created, types, OnlyVisibleCallers(created, options)));

    private static bool OnlyVisibleCallers(Compilation compilation, LimitOptionsCache options) =>
        options.Global.OnlyVisibleCallers
        ?? (compilation.SyntaxTrees.FirstOrDefault() is { } first ? options.For(first).OnlyVisibleCallers : null)
        ?? IsTestProject(compilation);

    /// <summary>
    /// A test project is no library: no other assembly calls its public test doubles, so by default only the callers
    /// it shows are judged. Told by the test framework it references.
    /// </summary>
    private static bool IsTestProject(Compilation compilation) => compilation.ReferencedAssemblyNames.Any(
        assembly => assembly.Name is "xunit.core" or "xunit.v3.core" or "nunit.framework" or "Microsoft.VisualStudio.TestPlatform.TestFramework" or "MSTest.TestFramework" or "TUnit.Core");
}
