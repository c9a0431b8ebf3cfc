using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace Pilot.Infra.Tests.Deployment;

/// <summary>
/// What the Functions host needs from an unpacked app folder before it can start the worker and load its
/// functions: the worker's own files, every extension `extensions.json` names (with the type it names), every
/// function in `functions.metadata` (with its entry point), and every assembly the app's deps.json promises.
/// Reads assemblies as metadata only: nothing from the package is loaded into the test process.
/// </summary>
public static class PackageCheck
{
    public static readonly string[] RequiredFiles = ["host.json", "worker.config.json", "functions.metadata", "extensions.json"];

    /// <summary>Every problem found, one line each; empty when the folder would load.</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        var problems = RequiredFiles.Where(f => !File.Exists(Path.Combine(folder, f))).Select(f => $"{f} is missing").ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        problems.AddRange(WorkerProblems(folder));
        problems.AddRange(ExtensionProblems(folder));
        problems.AddRange(FunctionProblems(folder));
        problems.AddRange(DependencyProblems(folder));
        return problems;
    }

    /// <summary>The function names in the package's functions.metadata.</summary>
    public static IReadOnlyList<string> MetadataFunctionNames(string folder) =>
        [.. Functions(folder).Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>The functions the code declares ([Function] on a method of Pilot.Functions).</summary>
    public static IReadOnlyList<string> DeclaredFunctionNames() =>
        [.. typeof(Pilot.Functions.FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<string> WorkerProblems(string folder)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "worker.config.json")));
        var worker = config.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString()!;
        if (!File.Exists(Path.Combine(folder, worker)))
        {
            yield return $"worker.config.json names {worker}, which is missing";
        }
    }

    private static IEnumerable<string> ExtensionProblems(string folder)
    {
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "extensions.json")));
        foreach (var extension in extensions.RootElement.GetProperty("extensions").EnumerateArray())
        {
            var name = extension.GetProperty("name").GetString();
            var typeName = extension.GetProperty("typeName").GetString()!;
            var hintPath = extension.GetProperty("hintPath").GetString()!;
            var path = Path.GetFullPath(Path.Combine(folder, hintPath));
            if (!File.Exists(path))
            {
                yield return $"extensions.json: extension {name} points to {hintPath}, which is missing";
                continue;
            }

            var parts = typeName.Split(',', 3, StringSplitOptions.TrimEntries);
            var assemblyName = AssemblyName.GetAssemblyName(path).Name;
            if (parts.Length < 2 || !string.Equals(parts[1], assemblyName, StringComparison.Ordinal))
            {
                yield return $"extensions.json: extension {name} names assembly {(parts.Length > 1 ? parts[1] : "(none)")} but {hintPath} is {assemblyName}";
            }
            else if (!DefinesType(path, parts[0]))
            {
                yield return $"extensions.json: extension {name}: {hintPath} does not define {parts[0]}";
            }
        }
    }

    private static IEnumerable<string> FunctionProblems(string folder)
    {
        foreach (var function in Functions(folder))
        {
            var name = function.GetProperty("name").GetString();
            var scriptFile = function.GetProperty("scriptFile").GetString()!;
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var path = Path.Combine(folder, scriptFile);
            if (!File.Exists(path))
            {
                yield return $"functions.metadata: {name} runs {scriptFile}, which is missing";
                continue;
            }

            var dot = entryPoint.LastIndexOf('.');
            if (dot <= 0 || !DefinesMethod(path, entryPoint[..dot], entryPoint[(dot + 1)..]))
            {
                yield return $"functions.metadata: {name}'s entry point {entryPoint} is not in {scriptFile}";
            }
        }

        var inMetadata = MetadataFunctionNames(folder);
        var declared = DeclaredFunctionNames();
        foreach (var missing in declared.Except(inMetadata, StringComparer.Ordinal))
        {
            yield return $"functions.metadata lacks {missing}, which the code declares";
        }

        foreach (var extra in inMetadata.Except(declared, StringComparer.Ordinal))
        {
            yield return $"functions.metadata lists {extra}, which the code does not declare";
        }
    }

    // The app's own deps.json: every runtime assembly it promises must be in the folder (the runtime fails on
    // the first use of a missing one, long after start-up). The extensions' deps.json under .azurefunctions is
    // the host's business: it lists assemblies the host itself provides, which the package rightly leaves out.
    private static IEnumerable<string> DependencyProblems(string folder)
    {
        var depsFiles = Directory.GetFiles(folder, "*.deps.json", SearchOption.TopDirectoryOnly);
        if (depsFiles.Length == 0)
        {
            yield return "no <app>.deps.json in the package";
            yield break;
        }

        foreach (var depsFile in depsFiles)
        {
            using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
            foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    if (library.Value.TryGetProperty("runtime", out var runtime))
                    {
                        foreach (var asset in runtime.EnumerateObject().Where(a => !File.Exists(Path.Combine(folder, Path.GetFileName(a.Name)))))
                        {
                            yield return $"{Path.GetFileName(depsFile)}: {library.Name} needs {Path.GetFileName(asset.Name)}, which is missing";
                        }
                    }

                    if (library.Value.TryGetProperty("runtimeTargets", out var runtimeTargets))
                    {
                        foreach (var asset in runtimeTargets.EnumerateObject().Where(a => !File.Exists(Path.Combine(folder, a.Name))))
                        {
                            yield return $"{Path.GetFileName(depsFile)}: {library.Name} needs {asset.Name}, which is missing";
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonElement> Functions(string folder)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")));
        return [.. metadata.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static bool DefinesType(string assemblyPath, string fullName) => FindType(assemblyPath, fullName, _ => true);

    private static bool DefinesMethod(string assemblyPath, string typeFullName, string method) =>
        FindType(assemblyPath, typeFullName, (reader, type) => type.GetMethods().Any(m => reader.GetString(reader.GetMethodDefinition(m).Name) == method));

    private static bool FindType(string assemblyPath, string fullName, Func<TypeDefinition, bool> accept) =>
        FindType(assemblyPath, fullName, (_, type) => accept(type));

    private static bool FindType(string assemblyPath, string fullName, Func<MetadataReader, TypeDefinition, bool> accept)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions.Select(reader.GetTypeDefinition).Any(t =>
        {
            var ns = reader.GetString(t.Namespace);
            var name = reader.GetString(t.Name);
            return (ns.Length == 0 ? name : $"{ns}.{name}") == fullName && accept(reader, t);
        });
    }
}
