using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;

namespace TuyaLite.IntegrationTests.NanoCheck;

/// <summary>
/// The device-fit IL check must fail on what the nanoFramework interpreter cannot run. Small fixture assemblies are
/// emitted at test time (PersistedAssemblyBuilder) with exactly one offending construct each, and the built IlCheck
/// runs on them as test.sh runs it (`dotnet IlCheck.dll ...`): exit 1 with the rule's message, 0 for a clean one.
/// Emitted assemblies reference System.Private.CoreLib, which stands in for mscorlib through --allow.
/// </summary>
[TestClass]
public class IlCheckTests
{
    private const string CoreLib = "System.Private.CoreLib";
    private static string dir;

    [ClassInitialize]
    public static void CreateDirectory(TestContext _) { dir = Directory.CreateTempSubdirectory("tuyalite-ilcheck-").FullName; }

    [ClassCleanup]
    public static void DeleteDirectory()
    {
        if (dir != null) Directory.Delete(dir, true);
    }

    [TestMethod]
    public void CleanAssemblyPasses()
    {
        var r = IlCheck(Clean(), "--allow", CoreLib, "--max-il", "70000", "--max-strings", "48000");
        Assert.AreEqual(0, r.Exit, r.Err);
        StringAssert.Contains(r.Out, "nano IL check: Clean.dll ok");
    }

    [TestMethod]
    public void GenericTypeFails()
    {
        string dll = Emit("Generic", m =>
        {
            TypeBuilder t = m.DefineType("Fixtures.Box", TypeAttributes.Public | TypeAttributes.Class);
            t.DefineGenericParameters("T");
            t.CreateType();
        });
        var r = IlCheck(dll, "--allow", CoreLib);
        Assert.AreEqual(1, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Err, "Generic.dll: nanoFramework rule violated: generic parameter 'T' on type Box");
    }

    [TestMethod]
    public void RethrowFails()
    {
        string dll = Emit("Rethrow", m =>
        {
            TypeBuilder t = m.DefineType("Fixtures.Handler", TypeAttributes.Public | TypeAttributes.Class);
            MethodBuilder run = t.DefineMethod("Run", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
            ILGenerator il = run.GetILGenerator();
            il.BeginExceptionBlock();
            il.Emit(OpCodes.Nop);
            il.BeginCatchBlock(typeof(Exception));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Rethrow); // C# `throw;`
            il.EndExceptionBlock();
            il.Emit(OpCodes.Ret);
            t.CreateType();
        });
        var r = IlCheck(dll, "--allow", CoreLib);
        Assert.AreEqual(1, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Err, "Rethrow.dll: nanoFramework rule violated: bare 'throw;' (rethrow) in Fixtures.Handler.Run");
    }

    [TestMethod]
    public void MultidimensionalArrayFieldFails()
    {
        string dll = Emit("Grid", m =>
        {
            TypeBuilder t = m.DefineType("Fixtures.Grid", TypeAttributes.Public | TypeAttributes.Class);
            t.DefineField("cells", typeof(int[,]), FieldAttributes.Public | FieldAttributes.Static);
            t.CreateType();
        });
        var r = IlCheck(dll, "--allow", CoreLib);
        Assert.AreEqual(1, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Err, "Grid.dll: nanoFramework rule violated: multidimensional array Int32[,] in field Fixtures.Grid.cells");
    }

    [TestMethod]
    public void ReferenceOutsideTheDeviceAssembliesFails()
    {
        var r = IlCheck(Clean());
        Assert.AreEqual(1, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Err, $"references assembly '{CoreLib}' which is not a device assembly");
    }

    [TestMethod]
    public void BudgetOverrunFails()
    {
        var r = IlCheck(Clean(), "--allow", CoreLib, "--max-il", "1");
        Assert.AreEqual(1, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Err, "bytes of IL exceed the budget of 1");
    }

    [TestMethod]
    [DataRow("--max-il", "needs a value")]
    [DataRow("--max-strings", "needs a value")]
    [DataRow("--allow", "needs a value")]
    [DataRow("--max-il|lots", "--max-il needs a number of bytes, not 'lots'")]
    [DataRow("--no-such-option|1", "unknown option --no-such-option")]
    public void UnusableArgumentsExitTwo(string arguments, string message)
    {
        // A budget option left without its value at the end used to disable that budget silently.
        var r = IlCheck(Clean(), ["--allow", CoreLib, .. arguments.Split('|')]);
        Assert.AreEqual(2, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Err, message);
        StringAssert.Contains(r.Err, "usage: IlCheck");
    }

    /// <summary>A class with a static method and a one-dimensional array field: nothing IlCheck refuses.</summary>
    private static string Clean() => Emit("Clean", m =>
    {
        TypeBuilder t = m.DefineType("Fixtures.Counter", TypeAttributes.Public | TypeAttributes.Class);
        t.DefineField("values", typeof(int[]), FieldAttributes.Public | FieldAttributes.Static);
        MethodBuilder add = t.DefineMethod("Add", MethodAttributes.Public | MethodAttributes.Static, typeof(int), [typeof(int), typeof(int)]);
        ILGenerator il = add.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ret);
        t.CreateType();
    });

    private static string Emit(string name, Action<ModuleBuilder> define)
    {
        string path = Path.Combine(dir, name + ".dll");
        if (File.Exists(path)) return path;
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        define(assembly.DefineDynamicModule(name));
        assembly.Save(path);
        return path;
    }

    /// <summary>The IlCheck built beside this test assembly's configuration (the project reference builds it first).</summary>
    private static string IlCheckDll()
    {
        string configuration = typeof(IlCheckTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string dll = Path.Combine(RepoPaths.Root, "tests", "TuyaLite.NanoCheck", "IlCheck", "bin", configuration, "net10.0", "IlCheck.dll");
        Assert.IsTrue(File.Exists(dll), dll + " not built");
        return dll;
    }

    private static (int Exit, string Out, string Err) IlCheck(string assembly, params string[] arguments)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(IlCheckDll());
        psi.ArgumentList.Add(assembly);
        foreach (string a in arguments) psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi);
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Console.WriteLine($"$ IlCheck {Path.GetFileName(assembly)} {string.Join(" ", arguments)} -> exit {p.ExitCode}\n{output}{err.Result}");
        return (p.ExitCode, output, err.Result);
    }
}
