// Usage: IlCheck <assembly.dll> [--allow AssemblyName]... [--max-il BYTES] [--max-strings BYTES]
// Exit code 0 when the assembly fits the nanoFramework rules checked here, 1 with one line per violation otherwise,
// 2 for unusable arguments (an option without its value included).
// --max-il / --max-strings: budgets for the two 16-bit-indexed tables of a nanoFramework assembly (byte code and
// strings, 64 KB each; the metadata processor refuses to build a larger one). Estimated from the IL: see README.md.
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

const string Usage = "usage: IlCheck <assembly.dll> [--allow AssemblyName]... [--max-il BYTES] [--max-strings BYTES]";
if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) return UsageError("no assembly given");
var allowed = new HashSet<string>(StringComparer.Ordinal) { "mscorlib" };
long maxIl = long.MaxValue, maxStrings = long.MaxValue;
for (int i = 1; i < args.Length; i += 2)
{
    string option = args[i];
    if (option is not ("--allow" or "--max-il" or "--max-strings")) return UsageError($"unknown option {option}");
    // A budget option without its value must not leave the budget silently unlimited.
    if (i + 1 >= args.Length) return UsageError($"{option} needs a value");
    string value = args[i + 1];
    if (option == "--allow") allowed.Add(value);
    else if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long bytes))
        return UsageError($"{option} needs a number of bytes, not '{value}'");
    else if (option == "--max-il") maxIl = bytes;
    else maxStrings = bytes;
}
if (!File.Exists(args[0])) return UsageError($"no such file: {args[0]}");

using var stream = File.OpenRead(args[0]);
using var pe = new PEReader(stream);
if (!pe.HasMetadata) return UsageError($"not a .NET assembly: {args[0]}");
var md = pe.GetMetadataReader();
var errors = new List<string>();
var provider = new NanoTypeRules(md, errors);

foreach (var h in md.AssemblyReferences)
{
    string name = md.GetString(md.GetAssemblyReference(h).Name);
    if (!allowed.Contains(name)) errors.Add($"references assembly '{name}' which is not a device assembly");
}
for (int row = 1; row <= md.GetTableRowCount(TableIndex.GenericParam); row++)
{
    var gp = md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
    errors.Add($"generic parameter '{md.GetString(gp.Name)}' on {Owner(md, gp.Parent)}");
}
for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
    errors.Add($"generic method instantiation ({Describe(md, md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row)).Method)})");
foreach (var h in md.TypeDefinitions)
{
    var td = md.GetTypeDefinition(h);
    string typeName = md.GetString(td.Namespace) + "." + md.GetString(td.Name);
    foreach (var fh in td.GetFields())
    {
        var f = md.GetFieldDefinition(fh);
        provider.Context = $"field {typeName}.{md.GetString(f.Name)}";
        f.DecodeSignature(provider, null);
    }
    foreach (var mh in td.GetMethods())
    {
        var m = md.GetMethodDefinition(mh);
        provider.Context = $"method {typeName}.{md.GetString(m.Name)}";
        m.DecodeSignature(provider, null);
        if (m.RelativeVirtualAddress != 0)
        {
            var body = pe.GetMethodBody(m.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
                md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
            if (IlScanner.ContainsRethrow(body.GetILBytes()!))
                errors.Add($"bare 'throw;' (rethrow) in {typeName}.{md.GetString(m.Name)}: on the nanoFramework interpreter it " +
                    "rethrows the last exception thrown anywhere on the thread (a nested caught one becomes a bare System.Exception); " +
                    "catch into a variable and 'throw e;' instead");
        }
    }
}
for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
{
    provider.Context = "type specification";
    md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row)).DecodeSignature(provider, null);
}
foreach (var h in md.MemberReferences)
{
    var mr = md.GetMemberReference(h);
    provider.Context = $"member reference {md.GetString(mr.Name)}";
    if (mr.GetKind() == MemberReferenceKind.Method) mr.DecodeMethodSignature(provider, null);
    else mr.DecodeFieldSignature(provider, null);
}

// Table budgets: method bodies (IL incl. headers) and names + string literals (UTF-8), as the metadata processor sees them.
long ilBytes = 0;
foreach (var h in md.MethodDefinitions)
{
    var m = md.GetMethodDefinition(h);
    if (m.RelativeVirtualAddress != 0) ilBytes += pe.GetMethodBody(m.RelativeVirtualAddress).Size;
}
long stringBytes = md.GetHeapSize(HeapIndex.String);
for (var us = MetadataTokens.UserStringHandle(1); !us.IsNil; us = md.GetNextHandle(us))
    stringBytes += System.Text.Encoding.UTF8.GetByteCount(md.GetUserString(us)) + 1;
if (ilBytes > maxIl) errors.Add($"{ilBytes} bytes of IL exceed the budget of {maxIl} (nanoFramework byte code is limited to 64 KB per assembly: split it)");
if (stringBytes > maxStrings) errors.Add($"{stringBytes} bytes of names and strings exceed the budget of {maxStrings} (nanoFramework string table is limited to 64 KB per assembly: split it)");

foreach (var e in errors.Distinct()) Console.Error.WriteLine($"{Path.GetFileName(args[0])}: nanoFramework rule violated: {e}");
if (errors.Count == 0)
    Console.WriteLine($"nano IL check: {Path.GetFileName(args[0])} ok ({md.TypeDefinitions.Count} types, {md.MethodDefinitions.Count} methods, " +
        $"IL {ilBytes}{(maxIl == long.MaxValue ? "" : "/" + maxIl)} B, strings {stringBytes}{(maxStrings == long.MaxValue ? "" : "/" + maxStrings)} B)");
return errors.Count == 0 ? 0 : 1;

int UsageError(string problem)
{
    Console.Error.WriteLine("IlCheck: " + problem);
    Console.Error.WriteLine(Usage);
    return 2;
}

static string Owner(MetadataReader md, EntityHandle h) => h.Kind switch
{
    HandleKind.TypeDefinition => "type " + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)h).Name),
    HandleKind.MethodDefinition => "method " + md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)h).Name),
    _ => h.Kind.ToString()
};

static string Describe(MetadataReader md, EntityHandle h) => h.Kind switch
{
    HandleKind.MethodDefinition => md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)h).Name),
    HandleKind.MemberReference => md.GetString(md.GetMemberReference((MemberReferenceHandle)h).Name),
    _ => h.Kind.ToString()
};

/// <summary>Decodes signatures only to find the shapes nanoFramework cannot run.</summary>
sealed class NanoTypeRules(MetadataReader md, List<string> errors) : ISignatureTypeProvider<string, object?>
{
    public string Context { get; set; } = "";
    public string GetArrayType(string elementType, ArrayShape shape) { errors.Add($"multidimensional array {elementType}[{new string(',', shape.Rank - 1)}] in {Context}"); return elementType + "[,]"; }
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) { errors.Add($"generic type {genericType}<{string.Join(",", typeArguments)}> in {Context}"); return genericType; }
    public string GetGenericMethodParameter(object? c, int index) { errors.Add($"generic method parameter in {Context}"); return "!!" + index; }
    public string GetGenericTypeParameter(object? c, int index) { errors.Add($"generic type parameter in {Context}"); return "!" + index; }
    public string GetByReferenceType(string elementType) => elementType + "&";
    public string GetFunctionPointerType(MethodSignature<string> signature) { errors.Add($"function pointer in {Context}"); return "fnptr"; }
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    public string GetPinnedType(string elementType) => elementType;
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => md.GetString(md.GetTypeDefinition(handle).Name);
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => md.GetString(md.GetTypeReference(handle).Name);
    public string GetTypeFromSpecification(MetadataReader reader, object? c, TypeSpecificationHandle handle, byte rawTypeKind) => md.GetTypeSpecification(handle).DecodeSignature(this, c);
}

/// <summary>Walks IL instruction by instruction (operand sizes from System.Reflection.Emit.OpCodes).</summary>
static class IlScanner
{
    private static readonly Dictionary<short, System.Reflection.Emit.OpCode> OpCodes =
        typeof(System.Reflection.Emit.OpCodes).GetFields()
            .Select(f => (System.Reflection.Emit.OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

    public static bool ContainsRethrow(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodes[value];
            if (op == System.Reflection.Emit.OpCodes.Rethrow) return true;
            i += op.OperandType switch
            {
                System.Reflection.Emit.OperandType.InlineNone => 0,
                System.Reflection.Emit.OperandType.ShortInlineBrTarget or System.Reflection.Emit.OperandType.ShortInlineI
                    or System.Reflection.Emit.OperandType.ShortInlineVar => 1,
                System.Reflection.Emit.OperandType.InlineVar => 2,
                System.Reflection.Emit.OperandType.InlineI8 or System.Reflection.Emit.OperandType.InlineR => 8,
                System.Reflection.Emit.OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
        return false;
    }
}
