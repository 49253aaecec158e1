using System.Runtime.InteropServices;

namespace LlmOrleans.Silo.Memory;

/// <summary>The C allocator's free memory, handed back to the operating system where glibc allows it.</summary>
internal static class NativeHeap
{
    /// <summary>
    /// Calls glibc's <c>malloc_trim(0)</c>. Elsewhere (musl, macOS, Windows) there is no such call and nothing
    /// happens.
    /// </summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            MallocTrim(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
