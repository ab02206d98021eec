using System.IO;
using System.Threading.Tasks;

namespace WsLimits.Package.Tests;

/// <summary>A user's project: a net10.0 console app that takes WsLimits.Analyzers from the local feed.</summary>
public sealed class ConsumerProject
{
    private ConsumerProject(string directory, string packages)
    {
        Directory = directory;
        Packages = packages;
    }

    public string Directory { get; }

    private string Packages { get; }

    public static ConsumerProject Create(PackedPackage package, string program)
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(package.Root, "consumer-" + Path.GetRandomFileName())).FullName;
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="wslimits-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="WsLimits.Analyzers" Version="{PackedPackage.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);

        // Its own package folder, so the machine's NuGet cache never holds a test build of the package.
        return new ConsumerProject(directory, Path.Combine(package.Root, "packages"));
    }

    public string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public Task<string> BuildAsync() => DotnetCli.RunAsync(Directory, "build", "--packages", Packages, "--no-incremental");

    public async Task<string> FormatAsync(string diagnosticId)
    {
        await DotnetCli.RunAsync(Directory, "restore", "--packages", Packages);
        return await DotnetCli.RunAsync(Directory, "format", "analyzers", "Consumer.csproj", "--no-restore", "--diagnostics", diagnosticId, "--severity", "warn");
    }
}
