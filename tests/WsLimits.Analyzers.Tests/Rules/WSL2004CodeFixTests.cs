using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsLimits.Analyzers.CodeFixes.CloseDescription;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL2004Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.CloseDescriptionTooLongAnalyzer, WsLimits.Analyzers.CodeFixes.CloseDescriptionTooLongCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2004CodeFixTests
{
    private const string ClosesWithTheExceptionsMessage = """
        try
        {
            await ws.SendAsync(new ArraySegment<byte>(new byte[1]), WebSocketMessageType.Binary, true, ct);
        }
        catch (Exception ex)
        {
            await ws.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, DESCRIPTION, ct);
        }
        """;

    [Theory]
    [InlineData(TargetFrameworks.Net80)]
    [InlineData(TargetFrameworks.NetStandard20)]
    public Task TruncatesTheDescriptionThroughTheHelper(string framework)
    {
        var test = Verifier.Create(InMethod(ClosesWithTheExceptionsMessage.Replace("DESCRIPTION", "[|ex.Message|]")), framework);
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(
            InMethod(ClosesWithTheExceptionsMessage.Replace("DESCRIPTION", "CloseDescription.Truncate(ex.Message)")),
            CloseDescriptionTemplate.Source(nullableAnnotations: true)));
        return test.RunAsync();
    }

    [Fact]
    public Task WritesTheHelperWithoutNullableAnnotationsForCSharp73()
    {
        var test = Verifier.Create(InMethod(ClosesWithTheExceptionsMessage.Replace("DESCRIPTION", "[|\"Failed: \" + ex|]")));
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(
            projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp7_3)));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(
            InMethod(ClosesWithTheExceptionsMessage.Replace("DESCRIPTION", "CloseDescription.Truncate(\"Failed: \" + ex)")),
            CloseDescriptionTemplate.Source(nullableAnnotations: false)));
        return test.RunAsync();
    }

    [Fact]
    public Task WrapsATooLongConstantToo()
    {
        var test = Verifier.Create(InMethod($$"""
            await ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, [|"{{TooLong}}"|], ct);
            """));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(
            InMethod($$"""
                await ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, CloseDescription.Truncate("{{TooLong}}"), ct);
                """),
            CloseDescriptionTemplate.Source(nullableAnnotations: true)));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllTruncatesEveryDescriptionAndAddsOneHelper()
    {
        var test = Verifier.Create(InMethod("""
            try
            {
                await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, ct);
            }
            catch (Exception ex)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, [|ex.Message|], ct);
                await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, [|$"Failed: {ex.Message}"|], ct);
            }
            """));
        test.TestState.Sources.Add(("/0/Test1.cs", WSL1001Sources.Usings + """
            public class Refusal
            {
                public Task RefuseAsync(WebSocket ws, string reason) =>
                    ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, [|$"Refused: {reason}"|], CancellationToken.None);
            }
            """));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(
            InMethod("""
                try
                {
                    await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, ct);
                }
                catch (Exception ex)
                {
                    await ws.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, CloseDescription.Truncate(ex.Message), ct);
                    await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, CloseDescription.Truncate($"Failed: {ex.Message}"), ct);
                }
                """),
            CloseDescriptionTemplate.Source(nullableAnnotations: true)));
        test.FixedState.Sources.Add(("/0/Test1.cs", WSL1001Sources.Usings + """
            public class Refusal
            {
                public Task RefuseAsync(WebSocket ws, string reason) =>
                    ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, CloseDescription.Truncate($"Refused: {reason}"), CancellationToken.None);
            }
            """));
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }
}
